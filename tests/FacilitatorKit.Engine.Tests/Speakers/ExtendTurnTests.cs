using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Engine.Tests.Support;

namespace FacilitatorKit.Engine.Tests.Speakers;

public class ExtendTurnTests
{
    private static readonly TurnId FirstTurn = new(1);

    private static MeetingScenario BenSpeaking(TimeSpan? limit)
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand, limit), "Ana", "Ben");
        m.Given(m.RaiseHand("Ben")).NextSpeakerIs("Ben");
        return m;
    }

    [Fact]
    public void AddAMinute_ExtendsTheLimitAndTheDeadline()
    {
        var m = BenSpeaking(TimeSpan.FromMinutes(5));
        var deadline = m.State.CurrentTurn!.Deadline!.Value;
        m.WaitSeconds(280); // 20 s left: warning

        m.When(m.AddAMinute()).ThenEvents(new TurnExtended(FirstTurn, TimeSpan.FromMinutes(1), deadline.AddMinutes(1)));

        var turn = m.State.CurrentTurn!;
        Assert.Equal(TimeSpan.FromMinutes(6), turn.Limit);
        Assert.Equal(deadline.AddMinutes(1), turn.Deadline);
        Assert.Equal("1:20", turn.Clock(m.Now).Text);
        Assert.Equal(TurnTimeState.OnTime, turn.Clock(m.Now).State);
    }

    [Fact]
    public void AddAMinute_InOvertime_GivesBackTheRestOfTheMinute()
    {
        var m = BenSpeaking(TimeSpan.FromMinutes(1));
        m.WaitSeconds(90);

        m.When(m.AddAMinute()).ThenAccepted();

        var clock = m.State.CurrentTurn!.Clock(m.Now);
        Assert.Equal(TimeSpan.FromSeconds(30), clock.Remaining);
        Assert.Equal("0:30", clock.Text);
    }

    [Fact]
    public void AddAMinute_WhilePaused_ResumeDeadlineIncludesTheMinute()
    {
        var m = BenSpeaking(TimeSpan.FromMinutes(3));
        m.WaitMinutes(2).Given(m.Pause());

        m.When(m.AddAMinute()).ThenEvents(new TurnExtended(FirstTurn, TimeSpan.FromMinutes(1), null));
        m.WaitMinutes(5);

        m.When(m.Resume()).ThenEvents(new TurnResumed(FirstTurn, m.Now, m.Now.AddMinutes(2)));
    }

    [Fact]
    public void AddAMinute_TurnWithoutLimit_IsRefused()
    {
        var m = BenSpeaking(limit: null);

        m.When(m.AddAMinute()).ThenRefused(RefusalCode.NotNow);

        Assert.Null(m.State.CurrentTurn!.Limit);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(16)]
    public void ExtendTurn_OutOfRange_IsRefused(double minutes)
    {
        var m = BenSpeaking(TimeSpan.FromMinutes(5));

        m.When(new ExtendTurn(MeetingScenario.NewId(), FirstTurn, TimeSpan.FromMinutes(minutes)) { Actor = m.Facilitator })
            .ThenRefused(RefusalCode.Invalid);

        Assert.Equal(TimeSpan.FromMinutes(5), m.State.CurrentTurn!.Limit);
    }
}
