using Bunit;
using FacilitatorKit.Web.Components.Layout;
using FacilitatorKit.Web.Components.Tests.Support;
using FacilitatorKit.Web.Look;

namespace FacilitatorKit.Web.Components.Tests.Layout;

public class DeviceSettingsTests : ComponentTest
{
    private IRenderedComponent<DeviceSettings> Render(bool showSwitch = true) =>
        Context.Render<DeviceSettings>(p => p.Add(d => d.ShowSwitch, showSwitch));

    [Fact]
    public void TheThemeSwitch_IsAComboboxOfTheLooks()
    {
        var theme = Render().ByRole("combobox", "Theme");

        Assert.Equal(["As this device", "Light", "Dark", "High contrast"], theme.QuerySelectorAll("option").Select(o => o.TextContent));
    }

    [Fact]
    public void WithoutTheSwitch_ThereIsNothingToChoose()
    {
        Assert.Empty(Render(showSwitch: false).AllByRole("combobox"));
    }

    [Fact]
    public void TheDevicesTimeZone_IsTakenUp_AndTheViewsToldOnce()
    {
        var zone = TimeZoneInfo.Local.Id == "Pacific/Auckland" ? "America/Lima" : "Pacific/Auckland"; // not the server's
        BrowserDevice.Answers(Context.JSInterop, timeZone: zone);
        var told = 0;
        DeviceClock.Changed += () => told++;

        var cut = Render();

        cut.WaitForAssertion(() => Assert.Equal(zone, DeviceClock.Zone.Id));
        Assert.Equal(1, told);
    }

    [Fact]
    public void TheSameZoneUnderAnotherName_ChangesNothing()
    {
        var sameRules = TimeZoneInfo.Local.HasSameRules(TimeZoneInfo.Utc) ? "Etc/UTC" : TimeZoneInfo.Local.Id;
        BrowserDevice.Answers(Context.JSInterop, timeZone: sameRules);
        var told = 0;
        DeviceClock.Changed += () => told++;

        var cut = Render();

        cut.WaitForAssertion(() => Assert.Contains(Context.JSInterop.Invocations, i => i.Identifier == "read"));
        Assert.Equal(0, told); // no page re-renders for a name
    }

    [Fact]
    public void TheLookChosenOnThisDevice_IsShownOnTheSwitch()
    {
        BrowserDevice.Answers(Context.JSInterop, look: nameof(LookChoice.Dark));

        var cut = Render();

        cut.WaitForAssertion(() => Assert.Equal(nameof(LookChoice.Dark), cut.ByRole("combobox", "Theme").GetAttribute("value")));
    }

    [Fact]
    public async Task ChoosingALook_IsAppliedAndKeptInThisBrowser_WithoutRenderingAnythingElse()
    {
        BrowserDevice.Answers(Context.JSInterop);
        var cut = Render();
        cut.WaitForAssertion(() => Assert.Contains(Context.JSInterop.Invocations, i => i.Identifier == "read"));
        var rendersBefore = cut.RenderCount;

        await cut.ByRole("combobox", "Theme").ChangeAsync(new() { Value = nameof(LookChoice.HighContrast) });

        Assert.Contains(Context.JSInterop.Invocations, i => i.Identifier == "choose" && i.Arguments is [nameof(LookChoice.HighContrast)]);
        Assert.True(cut.RenderCount - rendersBefore <= 1);
    }
}
