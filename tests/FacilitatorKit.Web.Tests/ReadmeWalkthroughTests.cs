using System.Text.RegularExpressions;
using FacilitatorKit.Web.Tests.Pages;
using FacilitatorKit.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FacilitatorKit.Web.Tests;

/// <summary>
/// Issue 4's "done when": a new user who follows the README ("Running a meeting") runs a whole meeting through the
/// UI alone, from `/` to the end, with a co-facilitator following on a tablet in a second browser.
/// </summary>
public sealed partial class ReadmeWalkthroughTests(WebAppFixture app) : BrowserTest(app)
{
    private const string Notes = "Resources: the library has leaflets on carers' support. Next meeting Tuesday; Casey chairs.";

    [Fact]
    public async Task AWholeMeeting_AsTheReadmeDescribes_WithACoFacilitatorFollowing()
    {
        var laptop = await OpenDeviceAsync("facilitator");
        var tablet = await OpenDeviceAsync("co-facilitator", new ViewportSize { Width = 820, Height = 1180 });
        var groupName = UniqueGroupName("Carers' circle");

        // 1. Create your group: an open group, members by first name, and who volunteers for the chair rota. Blake and
        // Casey volunteer; neither has chaired, so the rota proposes whoever joined first.
        var groups = await new GroupsPage(laptop.Page).GotoAsync();
        var group = await groups.CreateGroupAsync(groupName);
        await Expect(group.Page.GetByText("Open group", new() { Exact = true })).ToBeVisibleAsync();
        foreach (var name in new[] { "Alex", "Blake", "Casey", "Dana" })
        {
            await group.AddMemberAsync(name);
        }

        await Expect(group.ProposedNextChair).ToHaveTextAsync("Proposed next chair: nobody has volunteered yet");
        await group.ChairRotaVolunteer("Blake").CheckAsync();
        await Expect(group.ProposedNextChair).ToHaveTextAsync("Proposed next chair: Blake");
        await group.ChairRotaVolunteer("Casey").CheckAsync();
        await Expect(group.ChairRotaVolunteer("Casey")).ToBeCheckedAsync();
        await Expect(group.ProposedNextChair).ToHaveTextAsync("Proposed next chair: Blake");

        // 2. Start a meeting from a format, with the members who are here (Dana is not) and the chair of the day (the
        // proposed chair). A guest is added on the spot.
        await group.OpenNewMeetingAsync();
        await Expect(group.FormatBox).ToHaveValueAsync(PeerSupportCircle);
        await Expect(group.PresentTonight("Dana")).ToBeCheckedAsync();
        await group.PresentTonight("Dana").UncheckAsync();
        await Expect(group.SelectedChairOfTheDay).ToHaveTextAsync("Blake");
        var console = await group.CreateMeetingAsync();
        await console.AddParticipantAsync("Sam");
        await Expect(console.Participants.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(4);
        await Expect(console.Participants).Not.ToContainTextAsync("Dana");
        await Expect(console.Page.GetByText("Chair of the day: Blake")).ToBeVisibleAsync();

        // 4. A co-facilitator follows on a tablet (opened before the start, to follow the whole meeting), at the address
        // the console's "Co-facilitator view" links to. The tablet is never reloaded: everything it shows arrives live.
        var follow = new FollowPage(tablet.Page);
        var followAddress = await console.CoFacilitatorViewLink.GetAttributeAsync("href");
        Assert.NotNull(followAddress);
        await follow.GotoAsync(followAddress);
        await Expect(follow.Page.GetByText("The meeting has not started yet.")).ToBeVisibleAsync();
        await Expect(follow.Page.GetByText("Chair: Blake")).ToBeVisibleAsync();
        var tabletReloads = 0;
        follow.Page.Load += (_, _) => tabletReloads++;

        // Both views show the same thing at every step.
        async Task BothAsync(Func<RunningMeetingPage, Task> expect)
        {
            await expect(console);
            await expect(follow);
        }

        // 3. Run it from the console: the agenda of the Peer support circle, starting with the welcome.
        await console.StartMeetingAsync();
        await BothAsync(v => v.ExpectCurrentItemAsync("Welcome and ground rules"));
        await Expect(follow.Page.GetByText("The meeting has not started yet.")).ToHaveCountAsync(0);
        await Expect(console.Agenda.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(6);

        // The check-in is a go-round: seating order (Alex, Blake, Casey, then Sam, who came on the spot), starting
        // after the chair.
        await console.NextItemButton.ClickAsync();
        await BothAsync(v => v.ExpectCurrentItemAsync("Check-in"));
        await BothAsync(v => Expect(v.SelectedTurnOrder).ToHaveTextAsync("Go-round"));
        await BothAsync(v => v.ExpectQueueAsync("Casey", "Sam", "Alex", "Blake"));

        // Casey takes her time (her countdown, on the tablet, has run at least five seconds), Sam passes, Alex and
        // Blake are brief: so they come to the sharing with different airtime.
        await console.NextSpeakerAsync("Casey");
        await BothAsync(v => v.ExpectSpeakerAsync("Casey"));
        await BothAsync(v => v.ExpectQueueAsync("Sam", "Alex", "Blake"));
        await Expect(follow.Timer).ToHaveTextAsync(AtMost55SecondsLeft());

        await console.NextSpeakerAsync("Sam");
        await BothAsync(v => v.ExpectSpeakerAsync("Sam"));
        await BothAsync(v => v.ExpectQueueAsync("Alex", "Blake"));
        await console.PassButton.ClickAsync();
        await BothAsync(v => v.ExpectNobodySpeakingAsync());
        await BothAsync(v => v.ExpectQueueAsync("Alex", "Blake"));

        await console.NextSpeakerAsync("Alex");
        await BothAsync(v => v.ExpectSpeakerAsync("Alex"));
        await BothAsync(v => v.ExpectQueueAsync("Blake"));

        await LetThemSpeakAsync();
        await console.NextSpeakerAsync("Blake");
        await BothAsync(v => v.ExpectSpeakerAsync("Blake"));
        await BothAsync(v => v.ExpectQueueAsync());
        await LetThemSpeakAsync();
        await console.EndTurnAsync();
        await BothAsync(v => v.ExpectNobodySpeakingAsync());

        // The airtime panel: Sam passed, so has not spoken yet; Casey has spoken longer than Alex.
        await BothAsync(v => Expect(v.Airtime).ToContainTextAsync("Not spoken yet: Sam"));
        var casey = MeetingViewPage.ParseTimer(await console.AirtimeOf("Casey").InnerTextAsync());
        var alex = MeetingViewPage.ParseTimer(await console.AirtimeOf("Alex").InnerTextAsync());
        Assert.True(casey > alex, $"Casey should have more airtime than Alex after the check-in; the panel shows {casey} s and {alex} s.");

        // Sharing, in balanced order. Hands go up for Casey first, then Alex; the co-facilitator raises Sam's, last.
        // Balanced order (DOMAIN.md §2, BalancedKey): not spoken yet first (Sam, who passed), then least airtime here
        // (Alex before Casey), and only then who raised a hand earliest. Raise-hand order would be Casey, Alex, Sam.
        await console.NextItemButton.ClickAsync();
        await BothAsync(v => v.ExpectCurrentItemAsync("Sharing"));
        await BothAsync(v => Expect(v.SelectedTurnOrder).ToHaveTextAsync("Balanced"));
        await BothAsync(v => v.ExpectQueueAsync());
        await console.RaiseHandAsync("Casey");
        await console.RaiseHandAsync("Alex");
        await BothAsync(v => v.ExpectQueueAsync("Alex", "Casey"));
        await follow.RaiseHandAsync("Sam");
        await BothAsync(v => v.ExpectQueueAsync("Sam", "Alex", "Casey"));

        await console.NextSpeakerAsync("Sam");
        await BothAsync(v => v.ExpectSpeakerAsync("Sam"));
        await BothAsync(v => v.ExpectQueueAsync("Alex", "Casey"));

        // The co-facilitator gives the next turn from the tablet: the console follows.
        await LetThemSpeakAsync();
        await follow.NextSpeakerAsync("Alex");
        await BothAsync(v => v.ExpectSpeakerAsync("Alex"));
        await BothAsync(v => v.ExpectQueueAsync("Casey"));

        await LetThemSpeakAsync();
        await console.NextSpeakerAsync("Casey");
        await BothAsync(v => v.ExpectSpeakerAsync("Casey"));
        await BothAsync(v => v.ExpectQueueAsync());
        await LetThemSpeakAsync();
        await console.EndTurnAsync();
        await BothAsync(v => v.ExpectNobodySpeakingAsync());
        await BothAsync(v => Expect(v.Airtime).Not.ToContainTextAsync("Not spoken yet"));

        // Notes for the current item, saved as you type: the status says "Saved", and the notes are still there after a
        // reload. (The box says "Saved" before the typing lands too; leaving it saves at once, so the reload cannot
        // come before the save.)
        await console.NextItemButton.ClickAsync();
        await BothAsync(v => v.ExpectCurrentItemAsync("Resources and information"));
        await Expect(console.Notes).ToHaveAccessibleDescriptionAsync(new Regex("^Notes are for group business.*Please keep what people shared out of them\\."));
        await console.Notes.FillAsync(Notes);
        await console.Notes.BlurAsync();
        await Expect(console.Notes).ToHaveAccessibleDescriptionAsync(new Regex("Saved$"));
        await Expect(follow.Notes).ToHaveValueAsync(Notes); // live on the co-facilitator's tablet too
        await console.Page.ReloadAsync();
        await console.WaitUntilLiveAsync();
        await console.ExpectCurrentItemAsync("Resources and information");
        await Expect(console.Notes).ToHaveValueAsync(Notes);
        await Expect(console.Notes).ToHaveAccessibleDescriptionAsync(new Regex("Saved$"));

        // 5. Close: through the remaining items to the end, then End meeting. The notes stay readable on both views.
        await console.NextItemButton.ClickAsync();
        await BothAsync(v => v.ExpectCurrentItemAsync("Celebrations"));
        await BothAsync(v => Expect(v.NotesFromOtherItems.GetByRole(AriaRole.Heading, new() { Name = "Resources and information", Exact = true })).ToBeVisibleAsync());
        await BothAsync(v => Expect(v.NotesFromOtherItems).ToContainTextAsync(Notes));
        await BothAsync(v => Expect(v.SelectedTurnOrder).ToHaveTextAsync("Go-round"));
        await console.MoveOnThoughPeopleWaitAsync("4 people are still waiting to speak: move on?"); // the round, unheard
        await BothAsync(v => v.ExpectCurrentItemAsync("Closing: next chair, next meeting, pass the hat"));
        await console.NextItemButton.ClickAsync();
        await BothAsync(v => Expect(v.CurrentItem).ToContainTextAsync("That was the last item."));
        await BothAsync(v => Expect(v.NextItemButton).ToHaveCountAsync(0));
        // Ending asks once, and "Not yet" leaves the meeting running.
        await console.EndMeetingButton.ClickAsync();
        await console.NotYetButton.ClickAsync();
        await Expect(console.HasEnded).ToHaveCountAsync(0);
        await Expect(follow.HasEnded).ToHaveCountAsync(0);
        await console.EndMeetingAsync();
        await Expect(follow.HasEnded).ToBeVisibleAsync();

        // An ended meeting: the console says so; neither view offers anything to run any more; every item is done.
        foreach (var view in new RunningMeetingPage[] { console, follow })
        {
            await view.ExpectNobodySpeakingAsync();
            await Expect(view.NextSpeakerButton).ToHaveCountAsync(0);
            await Expect(view.RaiseHandButtons).ToHaveCountAsync(0);
            await Expect(view.ParticipantNameBox).ToHaveCountAsync(0);
            await Expect(view.Notes).ToHaveCountAsync(0);
            await Expect(view.MeetingNotes).ToContainTextAsync(Notes);
            await Expect(view.Agenda.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Done in" })).ToHaveCountAsync(6);
        }

        await Expect(console.EndMeetingButton).ToHaveCountAsync(0);
        await Expect(console.StartMeetingButton).ToHaveCountAsync(0);
        Assert.Equal(0, tabletReloads);

        // The group page lists the meeting, and the rota now proposes Casey: Blake has chaired, Casey never has.
        await console.GroupLink(groupName).ClickAsync();
        await Expect(group.Heading(groupName)).ToBeVisibleAsync();
        await Expect(group.PastMeetings.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(group.PastMeetings.GetByRole(AriaRole.Link, new() { Name = "Meeting 1", Exact = true })).ToBeVisibleAsync();
        await Expect(group.PastMeetings).ToContainTextAsync(PeerSupportCircle);
        await Expect(group.ProposedNextChair).ToHaveTextAsync("Proposed next chair: Casey");

        // And `/` lists it among the recent meetings, as ended.
        await groups.GotoAsync();
        await Expect(groups.RecentMeetings.GetByRole(AriaRole.Listitem).Filter(new() { HasText = $"{groupName}, meeting 1" })).ToContainTextAsync("ended");
    }

    // The countdown of a one-minute turn once at least five seconds have been spoken (m:ss rounds up).
    [GeneratedRegex(@"^0:(5[0-5]|[0-4]\d)$")]
    private static partial Regex AtMost55SecondsLeft();
}
