using Deque.AxeCore.Playwright;
using FacilitatorKit.Web.Tests.Pages;
using FacilitatorKit.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FacilitatorKit.Web.Tests;

/// <summary>
/// axe-core finds no serious or critical violation on the three views of a running meeting, in every look a device can
/// choose (the Theme switch, kept in the browser) or ask for (its dark mode): contrast is checked in each palette.
/// </summary>
public sealed class AccessibilityTests(WebAppFixture app) : BrowserTest(app)
{
    public static TheoryData<string, string, string> Looks => new()
    {
        // The choice kept in the browser, the device's colour scheme, and the primary colour that look draws with.
        { "Light", "light", "47, 111, 143" },
        { "Dark", "light", "140, 200, 230" },
        { "HighContrast", "light", "0, 51, 204" },
        { "HighContrast", "dark", "157, 184, 255" },
        { "Device", "dark", "140, 200, 230" },
    };

    [Theory]
    [MemberData(nameof(Looks))]
    public async Task TheConsole_TheFollowView_AndTheDisplay_HaveNoSeriousOrCriticalViolations(string look, string scheme, string primary)
    {
        var meeting = await SeedMeetingAsync(PeerSupportCircle, "Alex", "Blake", "Casey");
        var console = new ConsolePage(await OpenInAsync("facilitator", look, scheme, null));
        var follow = new FollowPage(await OpenInAsync("co-facilitator", look, scheme, new ViewportSize { Width = 820, Height = 1180 }));
        var display = new DisplayPage(await OpenInAsync("display", look, scheme, new ViewportSize { Width = 1920, Height = 1080 }));
        await console.GotoAsync(meeting);
        await follow.GotoAsync(meeting);
        await display.GotoAsync(meeting);
        await StartCheckInRoundAsync(console, "Alex");
        await follow.ExpectSpeakerAsync("Alex");
        await display.ExpectSpeakerAsync("Alex");

        var report = new List<string>();
        foreach (var (name, page) in new (string, MeetingViewPage)[] { ("console", console), ("follow view", follow), ("display", display) })
        {
            // The look is applied once the page has read the device's choice: wait until the theme draws with it.
            await page.Page.WaitForFunctionAsync(
                "rgb => getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-primary').replace(/\\s/g, '').includes(rgb.replace(/\\s/g, ''))",
                primary);
            var result = await page.Page.RunAxe();
            report.AddRange(result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{name}: {v.Impact} {v.Id}: {v.Help} ({string.Join("; ", v.Nodes.Select(n => string.Join(" ", n.Target)))})"));
        }

        Assert.True(report.Count == 0, $"axe-core found, in the {look} look on a {scheme} device:\n" + string.Join("\n", report));
    }

    /// <summary>The group page with its records (issue 13 §3): the chair history, a closed group's attendance register, and the balance over recent meetings with its chart.</summary>
    [Fact]
    public async Task TheGroupPage_WithItsAttendanceRegisterAndChairHistory_HasNoSeriousOrCriticalViolations()
    {
        var group = (await App.Groups.CreateGroupAsync(new Application.Groups.NewGroup(UniqueGroupName("Grief group"), Application.Groups.GroupKind.Closed, 8))).Value!;
        foreach (var name in new[] { "Alex", "Blake" })
        {
            await App.Groups.AddMemberAsync(group.Id, name, volunteersForChair: true);
        }

        var alex = (await App.Groups.MembersAsync(group.Id)).Single(m => m.Name == "Alex");
        var held = (await App.Groups.StartNewMeetingAsync(group.Id, "Closed group session", [alex.Id], alex.Id)).Value!;
        var console = new ConsolePage((await OpenDeviceAsync("facilitator")).Page);
        await console.GotoAsync(held.Meeting.Value);
        await console.StartMeetingAsync();
        await console.EndMeetingAsync();

        var page = (await OpenDeviceAsync("facilitator, on the group page")).Page;
        await page.GotoAsync($"/groups/{group.Id}");
        var register = page.GetByRole(AriaRole.Region, new() { Name = "Attendance register", Exact = true });
        await Expect(register.GetByRole(AriaRole.Row).Filter(new() { HasText = "Blake" })).ToContainTextAsync("away");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Chair history", Exact = true })).ToContainTextAsync("Alex chaired");
        await register.FocusAsync(); // it scrolls sideways from the keyboard
        var balance = page.Locator("section.group-balance");
        await Expect(balance.Locator("svg").First).ToBeVisibleAsync(); // MudBlazor's chart, drawn in a real browser
        await Expect(balance).ToContainTextAsync("Quiet lately: Alex.");

        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} ({string.Join("; ", v.Nodes.Select(n => string.Join(" ", n.Target)))})").ToList();
        Assert.True(serious.Count == 0, "axe-core found on the group page:\n" + string.Join("\n", serious));
    }

    private async Task<IPage> OpenInAsync(string name, string look, string scheme, ViewportSize? viewport)
    {
        var device = await OpenDeviceAsync(name, viewport, new BrowserNewContextOptions
        {
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
        });
        await device.Context.AddInitScriptAsync($"localStorage.setItem('facilitatorkit:look', '{look}')");
        return device.Page;
    }
}
