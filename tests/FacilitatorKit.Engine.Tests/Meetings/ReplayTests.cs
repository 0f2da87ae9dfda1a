using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Engine.Tests.Support;

namespace FacilitatorKit.Engine.Tests.Meetings;

/// <summary>A meeting restored from its events, after a crash or on another device.</summary>
public class ReplayTests
{
    /// <summary>Sharing (40 min, 5-minute turns) under way: Ben has spoken 2 minutes of his turn.</summary>
    private static MeetingScenario MidSharing()
    {
        var m = MeetingScenario.Running(Formats.PeerSupportCircle, "Ana", "Ben", "Cai");
        m.WaitMinutes(5).Given(m.NextItem()).WaitMinutes(15).Given(m.NextItem());
        m.Given(m.RaiseHand("Ben"), m.RaiseHand("Cai")).NextSpeakerIs("Ben");
        m.WaitMinutes(2);
        return m;
    }

    [Fact]
    public void Replay_AWholeMeetingSoFar_EqualsTheLiveState()
    {
        var m = MidSharing();
        m.Given(m.Pause()).WaitMinutes(1).Given(m.Resume()).Given(m.AddAMinute());
        m.Given(new AddAgendaItem(MeetingScenario.NewId(), new("A reading", AgendaItemKind.Reading, TimeSpan.FromMinutes(5))) { Actor = m.Facilitator });
        m.Given(new MoveAgendaItem(MeetingScenario.NewId(), new AgendaItemId(7), 3) { Actor = m.Facilitator });
        m.Given(new SkipAgendaItem(MeetingScenario.NewId(), new AgendaItemId(5)) { Actor = m.Facilitator });
        m.Given(new ExtendAgendaItem(MeetingScenario.NewId(), new AgendaItemId(3), TimeSpan.FromMinutes(5)) { Actor = m.Facilitator });

        var restored = Meeting.Replay(m.Id, m.History);

        Assert.Equal(StateSnapshot.Of(m.State), StateSnapshot.Of(restored));
        Assert.Equal(m.State.ProjectedEnd(m.Now), restored.ProjectedEnd(m.Now));
    }

    [Fact]
    public void Replay_KeepsDeadlinesAsTheSameAbsoluteInstants()
    {
        var m = MidSharing();

        var restored = Meeting.Replay(m.Id, m.History);

        Assert.Equal(MeetingScenario.Start.AddMinutes(20 + 40), restored.CurrentItem!.EndsAt);
        Assert.Equal(MeetingScenario.Start.AddMinutes(20 + 5), restored.CurrentTurn!.Deadline);
    }

    [Fact]
    public void Replay_Later_ShowsLessTimeRemainingByExactlyTheTimeThatPassed()
    {
        var m = MidSharing();
        var itemLeftThen = m.State.CurrentItem!.Remaining(m.Now);
        var turnLeftThen = m.State.CurrentTurn!.Clock(m.Now).Remaining!.Value;
        var projectedEndThen = m.State.ProjectedEnd(m.Now);
        var passed = TimeSpan.FromSeconds(100); // the server was down

        var restored = Meeting.Replay(m.Id, m.History);
        var later = m.Now + passed;

        Assert.Equal(itemLeftThen - passed, restored.CurrentItem!.Remaining(later));
        Assert.Equal(turnLeftThen - passed, restored.CurrentTurn!.Clock(later).Remaining);
        Assert.Equal("1:20", restored.CurrentTurn.Clock(later).Text);
        Assert.Equal(projectedEndThen, restored.ProjectedEnd(later)); // on time: the end does not move
    }

    [Fact]
    public void Replay_Later_AirtimeIncludesTheTimeThatPassedWhileSpeaking()
    {
        var m = MidSharing();
        var restored = Meeting.Replay(m.Id, m.History);

        Assert.Equal(TimeSpan.FromMinutes(2 + 4), restored.AirtimeOf(m.P("Ben"), m.Now.AddMinutes(4)));
        Assert.Equal(TurnTimeState.Overtime, restored.CurrentTurn!.Clock(m.Now.AddMinutes(4)).State);
    }

    [Fact]
    public void Replay_PausedTurnLater_ShowsTheSameTimeLeft()
    {
        var m = MidSharing();
        m.Given(m.Pause());

        var restored = Meeting.Replay(m.Id, m.History);

        var clock = restored.CurrentTurn!.Clock(m.Now.AddMinutes(30));
        Assert.True(clock.IsPaused);
        Assert.Equal(TimeSpan.FromMinutes(3), clock.Remaining);
    }
}
