using Bunit;
using FacilitatorKit.Web.Look;

namespace FacilitatorKit.Web.Components.Tests.Support;

/// <summary>
/// What the browser tells DeviceSettings about its device (DeviceSettings.razor.js, read()): the look chosen on it, its
/// colour and contrast preferences, and its time zone. In loose mode bUnit would answer null, which no browser does.
/// </summary>
public static class BrowserDevice
{
    public const string Module = "./Components/Layout/DeviceSettings.razor.js";

    public static void Answers(BunitJSInterop js, string? look = null, bool prefersDark = false, bool prefersMoreContrast = false, string? timeZone = null)
    {
        ArgumentNullException.ThrowIfNull(js);
        js.SetupModule(Module).Setup<DeviceFacts>("read").SetResult(new DeviceFacts(look, prefersDark, prefersMoreContrast, timeZone));
    }
}
