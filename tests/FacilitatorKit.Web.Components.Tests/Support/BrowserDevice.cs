using Bunit;
using FacilitatorKit.Web.Components.Layout;

namespace FacilitatorKit.Web.Components.Tests.Support;

/// <summary>
/// What the browser tells DeviceSettings about its device (Look.razor.js, read()): the look chosen on it and its time
/// zone. In loose mode bUnit would answer null, which no browser does.
/// </summary>
public static class BrowserDevice
{
    public const string Module = DeviceSettings.Module;

    public static void Answers(BunitJSInterop js, string? look = null, string? timeZone = null)
    {
        ArgumentNullException.ThrowIfNull(js);
        js.SetupModule(Module).Setup<string?[]>("read").SetResult([look, timeZone]);
    }
}
