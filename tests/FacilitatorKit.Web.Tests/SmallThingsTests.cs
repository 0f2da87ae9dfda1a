using System.Text.RegularExpressions;
using FacilitatorKit.Web.Tests.Pages;
using FacilitatorKit.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FacilitatorKit.Web.Tests;

/// <summary>Issue 11, B9 and B12: where refusals appear, unknown addresses, and tabs that can be told apart.</summary>
public sealed class SmallThingsTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task AnUnknownAddress_Answers404_WithAPageThatSaysSo_AndTheWayBack()
    {
        var page = (await OpenDeviceAsync("facilitator")).Page;

        var response = await page.GotoAsync("/meetings/not-a-meeting/somewhere");

        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not found", Exact = true })).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync("Not found · FacilitatorKit");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to your groups", Exact = true }).ClickAsync();
        await Expect(page).ToHaveTitleAsync("Groups · FacilitatorKit");
    }

    [Fact]
    public async Task EveryMeetingTab_SaysWhichViewAndWhichGroup()
    {
        var meeting = await SeedMeetingAsync(PeerSupportCircle, "Alex", "Blake");
        var (console, follow, display) = await OpenAllThreeAsync(meeting);

        await Expect(console.Page).ToHaveTitleAsync(Titled("Meeting console"));
        await Expect(follow.Page).ToHaveTitleAsync(Titled("Co-facilitator view"));
        await Expect(display.Page).ToHaveTitleAsync(Titled("Room display"));
    }

    /// <summary>B9: a refusal showed only at the top of the page, off-screen while the facilitator works the queue.</summary>
    [Fact]
    public async Task ARefusal_ShowsWhereTheFacilitatorIsLooking_OnALaptopScreen()
    {
        var meeting = await SeedMeetingAsync(PeerSupportCircle, "Alex", "Blake", "Casey", "Dana", "Eli", "Fay");
        var console = new ConsolePage((await OpenDeviceAsync("facilitator", new ViewportSize { Width = 1366, Height = 768 })).Page);
        await console.GotoAsync(meeting);
        await console.StartMeetingAsync();
        await console.RaiseHandFor("Fay").ScrollIntoViewIfNeededAsync();

        await console.NextSpeakerButton.ClickAsync(); // nobody is waiting

        var notice = console.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Nobody is waiting to speak." });
        await Expect(notice).ToBeInViewportAsync(new() { Ratio = 1 });
    }

    /// <summary>B12: Enter submitted no form. Each form's button is its submit, so Enter in a field does what the button does.</summary>
    [Fact]
    public async Task Enter_InAField_SubmitsItsForm()
    {
        var page = (await OpenDeviceAsync("facilitator")).Page;
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "New group", Exact = true }).ClickAsync();
        var name = UniqueGroupName("Thursday circle");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Group name", Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Group name", Exact = true }).PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true })).ToBeVisibleAsync();

        var console = await OpenRunningConsoleAsync("Alex", "Blake");
        var participant = console.Page.GetByRole(AriaRole.Textbox, new() { Name = "Participant name", Exact = true });
        await participant.FillAsync("Gia");
        await participant.PressAsync("Enter");
        await Expect(console.RaiseHandFor("Gia")).ToBeVisibleAsync();
        await Expect(participant).ToHaveValueAsync("");
        Assert.Equal(1, await console.Page.GetByRole(AriaRole.List, new() { Name = "Participants", Exact = true }).GetByText("Gia", new() { Exact = true }).CountAsync());
    }

    private static Regex Titled(string view) => new($"^{Regex.Escape(view)} · Group [0-9a-f]{{6}} · FacilitatorKit$");
}
