using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Engine.Tests.Support;

namespace FacilitatorKit.Engine.Tests.Speakers;

public class TurnClockTests
{
    /// <summary>Ben is speaking on an item whose turns are limited to <paramref name="limitMinutes"/>.</summary>
    private static MeetingScenario BenSpeaking(double? limitMinutes)
    {
        var limit = limitMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : (TimeSpan?)null;
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand, limit), "Ana", "Ben", "Cai");
        m.Given(m.RaiseHand("Ben")).NextSpeakerIs("Ben");
        return m;
    }

    private static TurnClock ClockOf(MeetingScenario m) => m.State.CurrentTurn!.Clock(m.Now);

    [Fact]
    public void NextSpeaker_ItemWithTurnLimit_DeadlineIsTurnStartPlusLimit()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand, TimeSpan.FromMinutes(5)), "Ana", "Ben");
        m.Given(m.RaiseHand("Ben")).WaitMinutes(2);

        m.When(m.NextSpeaker()).ThenEvents(new TurnStarted(
            new TurnId(1), m.P("Ben"), new AgendaItemId(1), TurnKind.Regular,
            MeetingScenario.Start.AddMinutes(2), TimeSpan.FromMinutes(5), MeetingScenario.Start.AddMinutes(7)));
    }

    [Fact]
    public void NextSpeaker_ItemWithoutTurnLimit_TurnHasNoDeadlineAndNoCountdown()
    {
        var m = BenSpeaking(limitMinutes: null);
        m.WaitMinutes(20);

        Assert.Null(m.State.CurrentTurn!.Deadline);
        var clock = ClockOf(m);
        Assert.Equal(TurnTimeState.Unlimited, clock.State);
        Assert.Null(clock.Remaining);
        Assert.Equal("", clock.Text);
    }

    [Theory]
    [InlineData(0, TurnTimeState.OnTime)]
    [InlineData(29, TurnTimeState.OnTime)]
    [InlineData(30, TurnTimeState.OnTime)] // exactly 30 s left: not yet under
    [InlineData(30.5, TurnTimeState.Warning)]
    [InlineData(45, TurnTimeState.Warning)]
    [InlineData(59, TurnTimeState.Warning)]
    [InlineData(60, TurnTimeState.TimesUp)]
    [InlineData(61, TurnTimeState.Overtime)]
    [InlineData(600, TurnTimeState.Overtime)]
    public void TurnClock_OneMinuteLimit_WarnsUnderThirtySecondsLeft(double spokenSeconds, TurnTimeState expected)
    {
        // 20% of a minute is 12 s, so the 30-second floor is the longer warning.
        var m = BenSpeaking(limitMinutes: 1);
        m.WaitSeconds(spokenSeconds);

        Assert.Equal(expected, ClockOf(m).State);
    }

    [Theory]
    [InlineData(0, TurnTimeState.OnTime)]
    [InlineData(239, TurnTimeState.OnTime)]
    [InlineData(240, TurnTimeState.OnTime)] // exactly 60 s (20%) left: not yet under
    [InlineData(240.5, TurnTimeState.Warning)]
    [InlineData(271, TurnTimeState.Warning)] // 29 s left: well inside the warning
    [InlineData(299, TurnTimeState.Warning)]
    [InlineData(300, TurnTimeState.TimesUp)]
    [InlineData(301, TurnTimeState.Overtime)]
    public void TurnClock_FiveMinuteLimit_WarnsUnderTwentyPercentLeft(double spokenSeconds, TurnTimeState expected)
    {
        // 20% of five minutes is 60 s, longer than the 30-second floor.
        var m = BenSpeaking(limitMinutes: 5);
        m.WaitSeconds(spokenSeconds);

        Assert.Equal(expected, ClockOf(m).State);
    }

    [Theory]
    [InlineData(0, "5:00")]
    [InlineData(0.4, "5:00")] // a countdown rounds up: it shows 0:00 only when time is up
    [InlineData(1, "4:59")]
    [InlineData(61, "3:59")]
    [InlineData(299.5, "0:01")]
    [InlineData(300, "0:00")]
    [InlineData(300.5, "0:00")] // time's up lasts its first second; overtime starts at +0:01
    [InlineData(301, "+0:01")]
    [InlineData(365, "+1:05")]
    [InlineData(900, "+10:00")]
    public void TurnClock_Text_CountsDownAsMinutesAndSecondsThenShowsOvertimeWithPlus(double spokenSeconds, string expected)
    {
        var m = BenSpeaking(limitMinutes: 5);
        m.WaitSeconds(spokenSeconds);

        Assert.Equal(expected, ClockOf(m).Text);
    }

    [Fact]
    public void TurnClock_RemainingIsDeadlineMinusNow()
    {
        var m = BenSpeaking(limitMinutes: 5);
        var deadline = m.State.CurrentTurn!.Deadline!.Value;
        m.WaitSeconds(100);

        Assert.Equal(deadline - m.Now, ClockOf(m).Remaining);
        m.WaitSeconds(300);
        Assert.Equal(deadline - m.Now, ClockOf(m).Remaining);
    }

    [Fact]
    public void Overtime_NothingCutsTheSpeakerOff()
    {
        var m = BenSpeaking(limitMinutes: 5);
        var turn = m.State.CurrentTurn;
        m.WaitMinutes(8);

        Assert.Equal(turn, m.State.CurrentTurn);
        Assert.Equal(TurnStatus.Speaking, m.State.CurrentTurn!.Status);
        Assert.Equal(TimeSpan.FromMinutes(8), m.State.CurrentTurn.Airtime(m.Now));
        Assert.Equal("+3:00", ClockOf(m).Text);
        m.When(m.NextSpeaker()).ThenEvents(new TurnEnded(turn!.Id, m.Now, TurnOutcome.Spoke, TimeSpan.FromMinutes(8)));
    }
}
