using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Engine.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace FacilitatorKit.Engine.Tests.Meetings;

/// <summary>Time is the server's: <see cref="MeetingEngine"/> reads it only from its <see cref="TimeProvider"/>.</summary>
public class ClockTests
{
    private static readonly DateTimeOffset Seven = new(2026, 11, 23, 19, 0, 0, TimeSpan.Zero);

    [Fact]
    public void MeetingEngine_Now_IsTheClocksTime()
    {
        var clock = new FakeTimeProvider(Seven);
        var engine = new MeetingEngine(clock);

        Assert.Equal(Seven, engine.Now);
        clock.Advance(TimeSpan.FromMinutes(12));
        Assert.Equal(Seven.AddMinutes(12), engine.Now);
    }

    [Fact]
    public void MeetingEngine_Execute_StampsEventsWithTheClocksTime()
    {
        var clock = new FakeTimeProvider(Seven);
        var engine = new MeetingEngine(clock);
        var m = MeetingScenario.Gathering(Formats.PeerSupportCircle, ["Ana", "Ben"]);

        var (running, start) = engine.Execute(m.State, m.StartMeeting());
        clock.Advance(TimeSpan.FromMinutes(6));
        var (_, next) = engine.Execute(running, new NextItem(CommandId.New(), running.CurrentItemId) { Actor = Actor.Facilitator });

        Assert.Equal(new MeetingStarted(Seven), start.Events[0] with { Cause = default });
        Assert.Equal(new AgendaItemStarted(new AgendaItemId(1), Seven, Seven.AddMinutes(5)), start.Events[1] with { Cause = default });
        Assert.Equal(new AgendaItemEnded(new AgendaItemId(1), Seven.AddMinutes(6)), next.Events[0] with { Cause = default });
    }

    [Fact]
    public void MeetingEngine_Execute_LeavesTheGivenStateAsItWas()
    {
        var engine = new MeetingEngine(new FakeTimeProvider(Seven));
        var m = MeetingScenario.Gathering(Formats.PeerSupportCircle, ["Ana", "Ben"]);
        var before = m.State;
        var snapshot = StateSnapshot.Of(before);

        var (after, decision) = engine.Execute(before, m.StartMeeting());

        Assert.True(decision.IsAccepted);
        Assert.Equal(snapshot, StateSnapshot.Of(before));
        Assert.Equal(MeetingPhase.Gathering, before.Phase);
        Assert.Equal(MeetingPhase.Running, after.Phase);
    }

    [Fact]
    public void MeetingEngine_TurnCountdown_FollowsTheClockToTheDeadline()
    {
        var clock = new FakeTimeProvider(Seven);
        var engine = new MeetingEngine(clock);
        var m = MeetingScenario.Gathering(Formats.OneItem(TurnPolicy.RaiseHand, TimeSpan.FromMinutes(5)), ["Ana", "Ben"]);
        var state = engine.Execute(m.State, m.StartMeeting()).State;
        state = engine.Execute(state, new RaiseHand(CommandId.New(), m.P("Ben")) { Actor = Actor.Facilitator }).State;
        state = engine.Execute(state, new NextSpeaker(CommandId.New(), null) { Actor = Actor.Facilitator }).State;

        Assert.Equal(Seven.AddMinutes(5), state.CurrentTurn!.Deadline);
        clock.Advance(TimeSpan.FromSeconds(270));
        var clockShows = state.CurrentTurn.Clock(engine.Now);
        Assert.Equal(TurnTimeState.Warning, clockShows.State);
        Assert.Equal("0:30", clockShows.Text);
        clock.Advance(TimeSpan.FromSeconds(95));
        Assert.Equal("+1:05", state.CurrentTurn.Clock(engine.Now).Text);
    }
}
