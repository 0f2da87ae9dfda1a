using System.Text.RegularExpressions;
using FacilitatorKit.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FacilitatorKit.Web.Tests;

/// <summary>Issue 4 §1 and DOMAIN.md §4: the room sees whose turn it is and how long is left, never anyone's airtime.</summary>
public sealed partial class RoomDisplayTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task TheDisplay_ShowsTheTurnButNoAirtimeAndNoNotes()
    {
        var meeting = await SeedMeetingAsync(PeerSupportCircle, "Alex", "Blake", "Casey");
        var (console, _, display) = await OpenAllThreeAsync(meeting);

        // Give the meeting some airtime and notes for the display to leave out.
        await StartCheckInRoundAsync(console, "Alex");
        await console.Notes.FillAsync("Private: group business only.");
        await ExpectNotesSavedAsync(meeting, "Private: group business only.");
        await LetThemSpeakAsync();
        await console.EndTurnAsync();
        await console.NextSpeakerAsync("Blake");
        await Expect(console.Airtime.GetByRole(AriaRole.Rowheader, new() { Name = "Alex", Exact = true })).ToBeVisibleAsync();

        // What the display does show.
        await Expect(display.ItemTitle).ToHaveTextAsync("Check-in");
        await display.ExpectSpeakerAsync("Blake");
        await display.ExpectTimerShowsMinutesAndSecondsAsync();
        await display.ExpectNextUpAsync("Casey");

        // And what it never shows.
        await Expect(display.Airtime).ToHaveCountAsync(0);
        await Expect(display.Notes).ToHaveCountAsync(0);
        await Expect(display.Page.GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
        var text = await display.Page.Locator("body").InnerTextAsync();
        Assert.DoesNotMatch(Figures(), text);
        Assert.DoesNotContain("Private: group business only.", text, StringComparison.Ordinal);

        // Nor any control: the room display is read-only.
        await Expect(display.Page.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Expect(display.Page.GetByRole(AriaRole.Textbox)).ToHaveCountAsync(0);
    }

    /// <summary>Issue 11 §8: during the welcome the room sees the group's ground rules, confidentiality statement and three assumptions.</summary>
    [Fact]
    public async Task DuringTheWelcome_TheDisplayShowsTheGroupsGroundRules_ThenMovesOn()
    {
        var meeting = await SeedMeetingAsync(PeerSupportCircle, "Alex", "Blake");
        var group = (await App.Groups.GroupOfMeetingAsync(new Engine.MeetingId(meeting)))!;
        await App.Groups.ChangeSettingsAsync(group.Id, new(group.Name, group.Kind, null, "One at a time\n<i>Phones away</i>"));
        var (console, _, display) = await OpenAllThreeAsync(meeting);

        await console.StartMeetingAsync();

        await Expect(display.OpeningScripts).ToBeVisibleAsync();
        await Expect(display.OpeningScripts.GetByRole(AriaRole.Listitem)).ToContainTextAsync(
            ["One at a time", "<i>Phones away</i>", "This is a safe, confidential space. What is shared in the group stays in the group.",
             "Each person can contribute.", "Each person is the authority on their own needs.", "Communication is open and honest."]);

        await console.NextItemButton.ClickAsync();
        await Expect(display.ItemTitle).ToHaveTextAsync("Check-in");
        await Expect(display.OpeningScripts).ToHaveCountAsync(0);
    }

    // The words and figures of the fairness panel: airtime, balance, shares, turns taken.
    [GeneratedRegex(@"airtime|balance|share|turns|notes|\d+\s*%", RegexOptions.IgnoreCase)]
    private static partial Regex Figures();
}
