using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Engine.Tests.Support;

namespace FacilitatorKit.Engine.Tests.Speakers;

public class EndTurnTests
{
    private static MeetingScenario BenSpeakingCaiWaiting()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand, TimeSpan.FromMinutes(3)), "Ana", "Ben", "Cai");
        m.Given(m.RaiseHand("Ben"), m.RaiseHand("Cai")).NextSpeakerIs("Ben");
        return m;
    }

    [Fact]
    public void EndTurn_RecordsTheAirtimeInTheLedger()
    {
        var m = BenSpeakingCaiWaiting();
        m.WaitSeconds(150);

        m.When(m.EndTurn()).ThenEvents(new TurnEnded(new TurnId(1), m.Now, TurnOutcome.Spoke, TimeSpan.FromSeconds(150)));

        var record = Assert.Single(m.State.Ledger);
        Assert.Equal(new TurnRecord(new TurnId(1), m.P("Ben"), new AgendaItemId(1), TurnKind.Regular, TurnOutcome.Spoke, TimeSpan.FromSeconds(150)), record);
        Assert.Equal(TimeSpan.FromSeconds(150), m.State.AirtimeOf(m.P("Ben"), m.Now.AddHours(1)));
    }

    [Fact]
    public void EndTurn_DoesNotStartTheNextSpeaker()
    {
        var m = BenSpeakingCaiWaiting();

        m.When(m.EndTurn()).ThenAccepted();

        Assert.Null(m.State.CurrentTurn);
        Assert.Equal(["Cai"], m.Order);
    }

    [Fact]
    public void EndTurn_InOvertime_RecordsEveryMinuteSpoken()
    {
        var m = BenSpeakingCaiWaiting();
        m.WaitMinutes(7);

        m.When(m.EndTurn()).ThenEvents(new TurnEnded(new TurnId(1), m.Now, TurnOutcome.Spoke, TimeSpan.FromMinutes(7)));
    }

    [Fact]
    public void Airtime_TurnUnderWay_CountsTowardsTheSpeaker()
    {
        var m = BenSpeakingCaiWaiting();
        m.WaitSeconds(30).NextSpeakerIs("Cai");
        m.WaitSeconds(10).Given(m.RaiseHand("Ben")).NextSpeakerIs("Ben");
        m.WaitSeconds(20);

        Assert.Equal(TimeSpan.FromSeconds(50), m.State.AirtimeOf(m.P("Ben"), m.Now));
        Assert.Equal(TimeSpan.FromSeconds(10), m.State.AirtimeOf(m.P("Cai"), m.Now));
    }
}
