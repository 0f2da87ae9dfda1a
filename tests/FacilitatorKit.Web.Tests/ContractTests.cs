using System.Text.RegularExpressions;
using FacilitatorKit.Web.Tests.Pages;
using FacilitatorKit.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FacilitatorKit.Web.Tests;

/// <summary>The accessibility contract of issue 4 §5: every control and area, found by role and accessible name.</summary>
public sealed class ContractTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task TheWholeContract_IsReachableByRoleAndName_ThroughAWholeMeeting()
    {
        var facilitator = await OpenDeviceAsync("facilitator");

        // A group, its members, and a meeting from the default format.
        var groups = await new GroupsPage(facilitator.Page).GotoAsync();
        var group = await groups.CreateGroupAsync(UniqueGroupName("Tuesday circle"));
        foreach (var name in new[] { "Alex", "Blake", "Casey" })
        {
            await group.AddMemberAsync(name);
        }

        await group.OpenNewMeetingAsync();
        await Expect(group.FormatBox).ToHaveValueAsync(PeerSupportCircle);
        var console = await group.CreateMeetingAsync();

        // Someone arrives on the spot, then the meeting starts.
        await console.AddParticipantAsync("Dana");
        await console.StartMeetingAsync();

        await Expect(console.Agenda.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(6);
        await console.ExpectCurrentItemAsync("Welcome and ground rules");
        await Expect(console.TurnOrder.GetByRole(AriaRole.Option)).ToHaveTextAsync(["Raise hand", "Go-round", "Balanced"]);
        await Expect(console.SelectedTurnOrder).ToHaveTextAsync("Raise hand");

        // Hands: one for each present participant, in seating order, that stays in place (pressed while waiting).
        await Expect(console.RaiseHandButtons).ToHaveCountAsync(4);
        await console.RaiseHandAsync("Blake");
        await console.ExpectQueueAsync("Blake");
        await Expect(console.RaiseHandFor("Blake")).ToHaveAttributeAsync("aria-pressed", "true"); // in its place, pressed
        await Expect(console.RaiseHandButtons).ToHaveCountAsync(4);
        await console.NextSpeakerAsync("Blake");
        await console.ExpectQueueAsync();
        await LetThemSpeakAsync();
        await console.EndTurnAsync();

        // The go-round check-in has a minute a turn: the countdown and every turn control.
        await console.NextItemButton.ClickAsync();
        await console.ExpectCurrentItemAsync("Check-in");
        await Expect(console.SelectedTurnOrder).ToHaveTextAsync("Go-round");
        await console.ExpectQueueAsync("Alex", "Blake", "Casey", "Dana");
        await console.NextSpeakerAsync("Alex");
        await console.ExpectTimerShowsMinutesAndSecondsAsync();
        Assert.InRange(await console.ReadTimerSecondsAsync(), 1, 60);

        await console.PauseButton.ClickAsync();
        await Expect(console.CurrentSpeaker).ToContainTextAsync("Paused");
        await console.ResumeButton.ClickAsync();
        await Expect(console.PauseButton).ToBeVisibleAsync();
        await console.AddAMinuteButton.ClickAsync();
        await Expect(console.Timer).ToHaveTextAsync(new Regex(@"^1:[1-5]\d$")); // a minute more than the minute it had

        await console.PassForNowButton.ClickAsync();
        await console.ExpectNobodySpeakingAsync();
        await console.ExpectQueueAsync("Blake", "Casey", "Dana", "Alex");
        await console.NextSpeakerAsync("Blake");
        await console.PassButton.ClickAsync();
        await console.ExpectNobodySpeakingAsync();
        await console.ExpectQueueAsync("Casey", "Dana", "Alex");
        await console.NextSpeakerAsync("Casey");
        await LetThemSpeakAsync();
        await console.EndTurnAsync();

        // The fairness panel, notes, and the links to the other views.
        await Expect(console.Airtime).ToBeVisibleAsync();
        await Expect(console.Airtime.GetByRole(AriaRole.Rowheader, new() { Name = "Casey", Exact = true })).ToBeVisibleAsync();
        await console.Notes.FillAsync("Next meeting: Tuesday. Casey brings the leaflets.");
        await ExpectNotesSavedAsync(console.MeetingId, "Next meeting: Tuesday. Casey brings the leaflets.");
        await Expect(console.Notes).ToHaveAccessibleDescriptionAsync(new Regex("Saved$"));
        await Expect(console.CoFacilitatorViewLink).ToHaveAttributeAsync("href", $"/meetings/{console.MeetingId}/follow");
        await Expect(console.RoomDisplayLink).ToHaveAttributeAsync("href", $"/meetings/{console.MeetingId}/display");

        await console.MoveOnThoughPeopleWaitAsync("2 people are still waiting to speak: move on?"); // Dana and Alex, in the round
        await console.ExpectCurrentItemAsync("Sharing");
        await Expect(console.SelectedTurnOrder).ToHaveTextAsync("Balanced");
    }
}
