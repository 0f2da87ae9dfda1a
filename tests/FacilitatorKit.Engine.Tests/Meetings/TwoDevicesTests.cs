using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Chair;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Engine.Tests.Support;

namespace FacilitatorKit.Engine.Tests.Meetings;

/// <summary>The facilitator's laptop and a co-facilitator's tablet send commands built from the same screen.</summary>
public class TwoDevicesTests
{
    private static MeetingScenario BenSpeakingCaiAndDeeWaiting()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand, TimeSpan.FromMinutes(3)), "Ana", "Ben", "Cai", "Dee");
        m.Given(m.RaiseHand("Ben"), m.RaiseHand("Cai"), m.RaiseHand("Dee")).NextSpeakerIs("Ben");
        m.WaitMinutes(1);
        return m;
    }

    [Fact]
    public void NextSpeaker_TwoDevicesPressTogether_AdvancesQueueOnce()
    {
        var m = BenSpeakingCaiAndDeeWaiting();
        var fromLaptop = m.NextSpeaker(m.Facilitator);
        var fromTablet = m.NextSpeaker(m.CoFacilitator);

        m.When(fromLaptop).ThenEventTypes(typeof(TurnEnded), typeof(TurnStarted));
        m.When(fromTablet).ThenRefused(RefusalCode.AlreadyChanged);

        Assert.Equal("Cai", m.Speaker);
        Assert.Equal(["Dee"], m.Order);
        Assert.Single(m.State.Ledger);
    }

    [Fact]
    public void NextSpeaker_TwoDevicesPressTogetherWhileNobodySpeaks_StartsOneTurn()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben", "Cai");
        m.Given(m.RaiseHand("Ben"), m.RaiseHand("Cai"));
        var fromLaptop = m.NextSpeaker(m.Facilitator);
        var fromTablet = m.NextSpeaker(m.CoFacilitator);

        m.When(fromTablet).ThenEventTypes(typeof(TurnStarted));
        m.When(fromLaptop).ThenRefused(RefusalCode.AlreadyChanged);

        Assert.Equal("Ben", m.Speaker);
        Assert.Equal(["Cai"], m.Order);
    }

    [Fact]
    public void EndTurn_TurnAlreadyMovedOnOnAnotherDevice_IsRefusedAndTheNewTurnRuns()
    {
        var m = BenSpeakingCaiAndDeeWaiting();
        var staleEnd = m.EndTurn(m.CoFacilitator);
        m.Given(m.NextSpeaker());

        m.When(staleEnd).ThenRefused(RefusalCode.AlreadyChanged);

        Assert.Equal("Cai", m.Speaker);
    }

    [Fact]
    public void PauseTurn_NamingAFinishedTurn_DoesNotPauseTheNewSpeaker()
    {
        var m = BenSpeakingCaiAndDeeWaiting();
        var stalePause = m.Pause(m.CoFacilitator);
        m.Given(m.NextSpeaker());

        m.When(stalePause).ThenRefused(RefusalCode.AlreadyChanged);

        Assert.Equal(TurnStatus.Speaking, m.State.CurrentTurn!.Status);
    }

    [Fact]
    public void NextItem_TwoDevicesPressTogether_AdvancesAgendaOnce()
    {
        var m = MeetingScenario.Running(Formats.PeerSupportCircle, "Ana", "Ben");
        var fromLaptop = m.NextItem(m.Facilitator);
        var fromTablet = m.NextItem(m.CoFacilitator);

        m.When(fromLaptop).ThenAccepted();
        m.When(fromTablet).ThenRefused(RefusalCode.AlreadyChanged);

        Assert.Equal(new AgendaItemId(2), m.State.CurrentItemId);
        Assert.Equal(AgendaItemStatus.Pending, m.State.FindItem(new AgendaItemId(3))!.Status);
    }

    [Fact]
    public void HandOverChair_NamingAChairWhoAlreadyHandedOver_IsRefused()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben", "Cai");
        var toBen = new HandOverChair(MeetingScenario.NewId(), m.P("Ana"), m.P("Ben")) { Actor = m.Facilitator };
        var toCai = new HandOverChair(MeetingScenario.NewId(), m.P("Ana"), m.P("Cai")) { Actor = m.Facilitator };
        m.Given(toBen);

        m.When(toCai).ThenRefused(RefusalCode.AlreadyChanged);

        Assert.Equal(m.P("Ben"), m.State.Chair);
        Assert.Equal(2, m.State.ChairHistory.Count);
    }
}
