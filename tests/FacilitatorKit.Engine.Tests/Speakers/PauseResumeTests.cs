using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Engine.Tests.Support;

namespace FacilitatorKit.Engine.Tests.Speakers;

public class PauseResumeTests
{
    private static readonly TurnId FirstTurn = new(1);

    private static MeetingScenario BenSpeaking(TimeSpan? limit)
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand, limit), "Ana", "Ben", "Cai");
        m.Given(m.RaiseHand("Ben")).NextSpeakerIs("Ben");
        return m;
    }

    [Fact]
    public void PauseTurn_StopsAirtimeAndTheDeadline()
    {
        var m = BenSpeaking(TimeSpan.FromMinutes(5));
        m.WaitMinutes(2);

        m.When(m.Pause()).ThenEvents(new TurnPaused(FirstTurn, m.Now));
        m.WaitMinutes(10);

        var turn = m.State.CurrentTurn!;
        Assert.Equal(TurnStatus.Paused, turn.Status);
        Assert.Null(turn.Deadline);
        Assert.Equal(TimeSpan.FromMinutes(2), turn.Airtime(m.Now));
        var clock = turn.Clock(m.Now);
        Assert.True(clock.IsPaused);
        Assert.Equal(TurnTimeState.OnTime, clock.State);
        Assert.Equal("3:00", clock.Text);
    }

    [Fact]
    public void ResumeTurn_DeadlineIsResumeInstantPlusTheTimeThatWasLeft()
    {
        var m = BenSpeaking(TimeSpan.FromMinutes(5));
        m.WaitMinutes(2).Given(m.Pause()).WaitMinutes(3);

        m.When(m.Resume()).ThenEvents(new TurnResumed(FirstTurn, m.Now, m.Now.AddMinutes(3)));

        Assert.Equal(TurnStatus.Speaking, m.State.CurrentTurn!.Status);
        m.WaitMinutes(1);
        Assert.Equal(TimeSpan.FromMinutes(3), m.State.CurrentTurn.Airtime(m.Now));
        Assert.Equal("2:00", m.State.CurrentTurn.Clock(m.Now).Text);
    }

    [Fact]
    public void PauseTurn_InOvertime_KeepsTheSameOvertimeAfterResume()
    {
        var m = BenSpeaking(TimeSpan.FromMinutes(1));
        m.WaitSeconds(75).Given(m.Pause()).WaitMinutes(5);

        Assert.Equal("+0:15", m.State.CurrentTurn!.Clock(m.Now).Text);
        m.When(m.Resume()).ThenEvents(new TurnResumed(FirstTurn, m.Now, m.Now.AddSeconds(-15)));
        Assert.Equal(TurnTimeState.Overtime, m.State.CurrentTurn!.Clock(m.Now).State);
        Assert.Equal("+0:15", m.State.CurrentTurn.Clock(m.Now).Text);
    }

    [Fact]
    public void Airtime_SeveralPauses_CountsOnlySpeakingTime()
    {
        var m = BenSpeaking(TimeSpan.FromMinutes(5));
        m.WaitSeconds(40).Given(m.Pause()).WaitMinutes(2)
            .Given(m.Resume()).WaitSeconds(50).Given(m.Pause()).WaitMinutes(7)
            .Given(m.Resume()).WaitSeconds(30);

        m.When(m.EndTurn()).ThenEvents(new TurnEnded(FirstTurn, m.Now, TurnOutcome.Spoke, TimeSpan.FromSeconds(40 + 50 + 30)));

        Assert.Equal(TimeSpan.FromSeconds(120), m.State.AirtimeOf(m.P("Ben"), m.Now));
    }
}
