using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Web.Tests.Pages;
using FacilitatorKit.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FacilitatorKit.Web.Tests;

/// <summary>
/// Issue 11: the bugs seen in a real room that the other browser tests do not already reproduce: the quiet-member
/// reserve (B2), the chair of the day (B7) and the room display after the last item (B10), each with the steps of the
/// issue.
/// </summary>
public sealed class SeenInTheRoomTests(WebAppFixture app) : BrowserTest(app)
{
    /// <summary>
    /// B2: in the reserve's last 10 minutes Next speaker was refused with "…or open the time to everyone", no control
    /// did that, nothing showed the reserve was on, and the display still said "Next: Alex". Now the console, the
    /// tablet and the display each say so, the display's Next follows the reserve, and Open to everyone ends it.
    /// </summary>
    [Fact]
    public async Task TheQuietMemberReserve_IsShownOnEveryDevice_TheDisplaysNextFollowsIt_AndOpenToEveryoneEndsIt()
    {
        var clock = new ShiftedClock();
        await using var server = await RestartableApp.StartAsync(builder => builder.Services.AddSingleton<TimeProvider>(clock));
        var meeting = await SeedMeetingAsync(server.Groups, PeerSupportCircle, "Alex", "Blake", "Casey");
        var session = (await server.Services.GetRequiredService<MeetingSessions>().GetAsync(new MeetingId(meeting)))!;
        async Task DoAsync(MeetingCommand command) =>
            Assert.True((await session.SubmitAsync(command, Actor.Facilitator)).IsAccepted, command.GetType().Name);

        // Sharing, first come first served: Alex has shared and raised a hand again before Blake, who has not shared.
        await DoAsync(new StartMeeting(CommandId.New()));
        while (session.State.CurrentItem?.Title != "Sharing")
        {
            await DoAsync(new NextItem(CommandId.New(), session.State.CurrentItemId));
        }

        var sharing = session.State.CurrentItemId!.Value;
        await DoAsync(new ChangeTurnPolicy(CommandId.New(), sharing, TurnPolicy.RaiseHand));
        await DoAsync(new RaiseHand(CommandId.New(), Person(session, "Alex")));
        await DoAsync(new NextSpeaker(CommandId.New(), null));
        await DoAsync(new EndTurn(CommandId.New(), session.State.CurrentTurn!.Id));
        await DoAsync(new RaiseHand(CommandId.New(), Person(session, "Alex")));
        await DoAsync(new RaiseHand(CommandId.New(), Person(session, "Blake")));

        // Half a minute into the item's last ten minutes.
        clock.Jump(session.State.CurrentItem!.EndsAt!.Value - TimeSpan.FromMinutes(9.5) - clock.GetUtcNow());

        var (console, tablet, display) = await OpenAllThreeAsync(meeting, server.BaseAddress);

        const string Banner = "The last 10 minutes are kept for people who have not shared yet.";
        foreach (var page in new[] { console.Page, tablet.Page, display.Page })
        {
            await Expect(page.GetByText(Banner, new() { Exact = true })).ToBeVisibleAsync();
        }

        await display.ExpectNextUpAsync("Blake");
        await console.ExpectQueueAsync("Alex", "Blake");

        await tablet.Page.GetByRole(AriaRole.Button, new() { Name = "Open to everyone", Exact = true }).ClickAsync();

        foreach (var page in new[] { console.Page, tablet.Page, display.Page })
        {
            await Expect(page.GetByText(Banner, new() { Exact = true })).ToHaveCountAsync(0);
        }

        await display.ExpectNextUpAsync("Alex");
        await console.NextSpeakerAsync("Alex");
    }

    /// <summary>B7: unticking the proposed chair under "Present tonight" left the list showing them, and the meeting got "nobody yet".</summary>
    [Fact]
    public async Task UntickingTheProposedChair_ShowsNobodyYet_AndTheMeetingHasNoChair_AsShown()
    {
        var group = await SeedGroupAsync("Alex", "Blake", "Casey");
        foreach (var member in await App.Groups.MembersAsync(group))
        {
            await App.Groups.SetVolunteerAsync(member.Id, volunteers: member.Name == "Casey");
        }

        var page = new GroupPage((await OpenDeviceAsync("facilitator")).Page);
        await page.GotoAsync(group);
        await page.OpenNewMeetingAsync();
        await Expect(page.SelectedChairOfTheDay).ToHaveTextAsync("Casey");

        await page.PresentTonight("Casey").UncheckAsync();

        await Expect(page.SelectedChairOfTheDay).ToHaveTextAsync("Nobody yet");
        var console = await page.CreateMeetingAsync();
        await console.WaitUntilLiveAsync();
        var meeting = (await App.Groups.MeetingsAsync(group)).Single().Id;
        var state = (await App.Services.GetRequiredService<MeetingSessions>().GetAsync(new MeetingId(meeting)))!.State;
        Assert.Null(state.Chair);
        Assert.DoesNotContain(state.Participants, p => p.Name == "Casey");
    }

    /// <summary>B10: after the last item the room display said "Welcome", as before the meeting began.</summary>
    [Fact]
    public async Task AfterTheLastItem_TheDisplaySaysSo_NotWelcome()
    {
        var meeting = await SeedMeetingAsync(ShortCheckIn, "Alex", "Blake");
        var (console, _, display) = await OpenAllThreeAsync(meeting);
        await console.StartMeetingAsync();

        await Expect(display.ItemTitle).ToHaveTextAsync("Welcome");
        await console.NextItemButton.ClickAsync();
        await Expect(display.ItemTitle).ToHaveTextAsync("Check-in");
        await console.MoveOnThoughPeopleWaitAsync("2 people are still waiting to speak: move on?"); // the go-round
        await Expect(display.ItemTitle).ToHaveTextAsync("Open discussion");
        await console.NextItemButton.ClickAsync();
        await Expect(display.ItemTitle).ToHaveTextAsync("Closing");
        await console.NextItemButton.ClickAsync();

        await Expect(display.ItemTitle).ToHaveTextAsync("That was the last item");
        await Expect(display.Page.GetByText("Welcome", new() { Exact = true })).ToHaveCountAsync(0);
    }

    private static ParticipantId Person(MeetingSession session, string name) => session.State.Participants.Single(p => p.Name == name).Id;
}
