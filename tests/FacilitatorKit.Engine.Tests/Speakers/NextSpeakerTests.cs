using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Engine.Tests.Support;

namespace FacilitatorKit.Engine.Tests.Speakers;

public class NextSpeakerTests
{
    private static readonly AgendaItemId Item = new(1);

    [Fact]
    public void NextSpeaker_WhileSomeoneSpeaks_EndsTheirTurnAndStartsTheNext()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand, TimeSpan.FromMinutes(3)), "Ana", "Ben", "Cai");
        m.Given(m.RaiseHand("Ben"), m.RaiseHand("Cai")).NextSpeakerIs("Ben");
        m.WaitSeconds(100);

        m.When(m.NextSpeaker()).ThenEvents(
            new TurnEnded(new TurnId(1), m.Now, TurnOutcome.Spoke, TimeSpan.FromSeconds(100)),
            new TurnStarted(new TurnId(2), m.P("Cai"), Item, TurnKind.Regular, m.Now, TimeSpan.FromMinutes(3), m.Now.AddMinutes(3)));

        Assert.Equal("Cai", m.Speaker);
        Assert.Empty(m.Order);
    }

    [Fact]
    public void NextSpeaker_NobodyWaiting_EndsTheCurrentTurnOnly()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand, TimeSpan.FromMinutes(3)), "Ana", "Ben");
        m.Given(m.RaiseHand("Ben")).NextSpeakerIs("Ben");
        m.WaitMinutes(2);

        m.When(m.NextSpeaker()).ThenEvents(new TurnEnded(new TurnId(1), m.Now, TurnOutcome.Spoke, TimeSpan.FromMinutes(2)));

        Assert.Null(m.State.CurrentTurn);
    }

    [Fact]
    public void NextSpeaker_NobodyWaitingAndNobodySpeaking_IsRefused()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben");

        m.When(m.NextSpeaker()).ThenRefused(RefusalCode.NotNow);
    }

    [Fact]
    public void NextSpeaker_TurnLimitComesFromTheCurrentItem()
    {
        var format = new MeetingFormat("Two limits",
        [
            new("Check-in", AgendaItemKind.CheckIn, TimeSpan.FromMinutes(10), TurnPolicy.RaiseHand, TimeSpan.FromMinutes(1)),
            new("Sharing", AgendaItemKind.Sharing, TimeSpan.FromMinutes(30), TurnPolicy.RaiseHand, TimeSpan.FromMinutes(4)),
        ]);
        var m = MeetingScenario.Running(format, "Ana", "Ben");
        m.Given(m.RaiseHand("Ben")).NextSpeakerIs("Ben");
        Assert.Equal(TimeSpan.FromMinutes(1), m.State.CurrentTurn!.Limit);
        m.Given(m.EndTurn()).Given(m.NextItem()).Given(m.RaiseHand("Ben"));

        m.NextSpeakerIs("Ben");

        Assert.Equal(TimeSpan.FromMinutes(4), m.State.CurrentTurn!.Limit);
        Assert.Equal(m.Now.AddMinutes(4), m.State.CurrentTurn.Deadline);
    }
}
