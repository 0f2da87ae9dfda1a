using Bunit;
using FacilitatorKit.Web.Components.Layout;
using FacilitatorKit.Web.Components.Tests.Support;
using FacilitatorKit.Web.Look;
using MudBlazor;
using MudBlazor.Extensions;

namespace FacilitatorKit.Web.Components.Tests.Layout;

public class DeviceSettingsTests : ComponentTest
{
    private IRenderedComponent<DeviceSettings> Render(bool showSwitch = true) =>
        Context.Render<DeviceSettings>(p => p.Add(d => d.ShowSwitch, showSwitch));

    private static bool IsDark(IRenderedComponent<DeviceSettings> cut) => cut.FindComponent<MudThemeProvider>().Instance.GetState(x => x.IsDarkMode);

    private static MudTheme? Theme(IRenderedComponent<DeviceSettings> cut) => cut.FindComponent<MudThemeProvider>().Instance.Theme;

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
    public void TheLookChosenOnThisDevice_IsTakenUp()
    {
        BrowserDevice.Answers(Context.JSInterop, look: nameof(LookChoice.Dark));

        var cut = Render();

        cut.WaitForAssertion(() => Assert.True(IsDark(cut)));
        Assert.Equal(nameof(LookChoice.Dark), cut.ByRole("combobox", "Theme").GetAttribute("value"));
        Assert.Same(Themes.Calm, Theme(cut));
    }

    [Fact]
    public void AsThisDevice_FollowsItsDarkAndContrastPreferences()
    {
        BrowserDevice.Answers(Context.JSInterop, prefersDark: true, prefersMoreContrast: true);

        var cut = Render();

        cut.WaitForAssertion(() => Assert.Same(Themes.HighContrast, Theme(cut)));
        Assert.True(IsDark(cut));
    }

    [Fact]
    public async Task ChoosingALook_AppliesIt_AndIsRememberedInThisBrowser()
    {
        BrowserDevice.Answers(Context.JSInterop, prefersDark: true);
        var cut = Render();
        cut.WaitForAssertion(() => Assert.True(IsDark(cut)));

        await cut.ByRole("combobox", "Theme").ChangeAsync(new() { Value = nameof(LookChoice.Light) });

        Assert.False(IsDark(cut));
        Assert.Contains(Context.JSInterop.Invocations, i => i.Identifier == "remember" && i.Arguments is [nameof(LookChoice.Light)]);
    }
}
