using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Testing;

namespace FacilitatorKit.Data.Tests;

/// <summary>
/// Issue 12 §6 and F7: every meeting ever opened stayed in memory. A session of an ended or cancelled meeting that
/// nobody watches is released after a while, by the sessions' own timer on the injected clock, and comes back from its
/// log when asked for. A meeting set up or running is never released.
/// </summary>
public class SessionReleaseTests
{
    private static readonly Actor Facilitator = Actor.Facilitator;

    [Fact]
    public async Task AnEndedMeeting_NobodyWatches_IsReleased_AndRestoredFromItsLogWhenAskedForAgain()
    {
        await using var f = new SessionFixture();
        var (session, _) = await f.NewMeetingAsync("Ana", "Ben");
        await session.SubmitAsync(new StartMeeting(CommandId.New()) { Actor = Facilitator });
        await session.SubmitAsync(new EndMeeting(CommandId.New()) { Actor = Facilitator });
        var ended = session.State;

        Wait(f, MeetingSessions.ReleaseAfter - TimeSpan.FromMinutes(2));
        Assert.Equal(1, f.Sessions.Count); // not at once: the facilitator may still be reading the summary

        Wait(f, TimeSpan.FromMinutes(3) + MeetingSessions.LookOverEvery);
        Assert.Equal(0, f.Sessions.Count);

        var again = await f.Sessions.GetAsync(ended.Id);
        Assert.NotNull(again);
        Assert.NotSame(session, again);
        Assert.Equal(MeetingPhase.Ended, again.State.Phase);
        Assert.Equal(ended.Version, again.State.Version);
        Assert.Equal(ended.Participants.Select(p => p.Name), again.State.Participants.Select(p => p.Name));
        Assert.Equal(1, f.Sessions.Count);
    }

    [Fact]
    public async Task ACancelledMeeting_IsReleasedToo()
    {
        await using var f = new SessionFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");
        Assert.True((await session.SubmitAsync(new CancelMeeting(CommandId.New()) { Actor = Facilitator })).IsAccepted);

        Wait(f, MeetingSessions.ReleaseAfter + MeetingSessions.LookOverEvery);

        Assert.Equal(0, f.Sessions.Count);
        Assert.Equal(MeetingPhase.Cancelled, (await f.Sessions.GetAsync(session.Id))!.State.Phase);
    }

    [Fact]
    public async Task AMeetingSetUpOrRunning_IsNeverReleased_HoweverLongItIsLeft()
    {
        await using var f = new SessionFixture();
        var (running, _) = await f.NewMeetingAsync("Ana");
        await running.SubmitAsync(new StartMeeting(CommandId.New()) { Actor = Facilitator });
        var (gathering, _) = await f.NewMeetingAsync("Ben");

        Wait(f, TimeSpan.FromHours(6));

        Assert.Equal(2, f.Sessions.Count);
        Assert.Same(running, await f.Sessions.GetAsync(running.Id));
        Assert.Same(gathering, await f.Sessions.GetAsync(gathering.Id));
    }

    [Fact]
    public async Task AnEndedMeeting_SomeoneWatches_IsKept_UntilTheyGo()
    {
        await using var f = new SessionFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");
        await session.SubmitAsync(new StartMeeting(CommandId.New()) { Actor = Facilitator });
        await session.SubmitAsync(new EndMeeting(CommandId.New()) { Actor = Facilitator });
        var watching = f.Host.Live.WatchMeeting(session.Id, _ => { });

        Wait(f, TimeSpan.FromHours(1));
        Assert.Same(session, await f.Sessions.GetAsync(session.Id));

        watching.Dispose();
        Wait(f, MeetingSessions.ReleaseAfter + MeetingSessions.LookOverEvery);
        Assert.Equal(0, f.Sessions.Count);
    }

    [Fact]
    public async Task AnEndedMeeting_AskedForAgain_StaysAnotherWhile()
    {
        await using var f = new SessionFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");
        await session.SubmitAsync(new StartMeeting(CommandId.New()) { Actor = Facilitator });
        await session.SubmitAsync(new EndMeeting(CommandId.New()) { Actor = Facilitator });

        Wait(f, MeetingSessions.ReleaseAfter - TimeSpan.FromMinutes(1));
        Assert.Same(session, await f.Sessions.GetAsync(session.Id));
        Wait(f, MeetingSessions.ReleaseAfter - TimeSpan.FromMinutes(1));

        Assert.Equal(1, f.Sessions.Count);
    }

    // Minute by minute, so the sessions' timer runs at each of its times as it would.
    private static void Wait(SessionFixture f, TimeSpan span)
    {
        for (var waited = TimeSpan.Zero; waited < span; waited += TimeSpan.FromMinutes(1))
        {
            f.Clock.Advance(TimeSpan.FromMinutes(1));
        }
    }
}
