using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Engine.Tests.Support;

namespace FacilitatorKit.Engine.Tests.Speakers;

public class PointOfProcessTests
{
    private static MeetingScenario Running(TurnPolicy policy) =>
        MeetingScenario.Running(Formats.OneItem(policy, TimeSpan.FromMinutes(3)), "Ana", "Ben", "Cai", "Dee");

    [Theory]
    [InlineData(TurnPolicy.RaiseHand)]
    [InlineData(TurnPolicy.Balanced)]
    [InlineData(TurnPolicy.GoRound)]
    public void PointOfProcess_GoesToTheFrontUnderEveryPolicy(TurnPolicy policy)
    {
        var m = Running(policy);
        m.Given(m.RaiseHand("Ben"), m.RaiseHand("Cai")).WaitSeconds(10);

        m.When(m.PointOfProcess("Dee")).ThenEvents(new PointOfProcessRaised(m.P("Dee"), m.Now));

        Assert.Equal("Dee", m.Order[0]);
        m.NextSpeakerIs("Dee");
    }

    [Theory]
    [InlineData(TurnPolicy.RaiseHand)]
    [InlineData(TurnPolicy.Balanced)]
    [InlineData(TurnPolicy.GoRound)]
    public void NextSpeaker_PointOfProcess_MarksTheTurnAsAPointOfProcess(TurnPolicy policy)
    {
        var m = Running(policy);
        m.Given(m.RaiseHand("Ben"), m.PointOfProcess("Cai"));

        m.When(m.NextSpeaker()).ThenEvents(
            new TurnStarted(new TurnId(1), m.P("Cai"), new AgendaItemId(1), TurnKind.PointOfProcess, m.Now, TimeSpan.FromMinutes(3), m.Now + TimeSpan.FromMinutes(3)));
    }

    [Fact]
    public void PointOfProcess_GoesAheadOfAFirstTimeSpeakerInBalancedOrder()
    {
        var m = Running(TurnPolicy.Balanced);
        m.Given(m.RaiseHand("Ana")).NextSpeakerIs("Ana");
        m.WaitMinutes(2).Given(m.EndTurn(), m.RaiseHand("Ben"), m.PointOfProcess("Ana"));

        Assert.Equal(["Ana", "Ben"], m.Order);
    }

    [Fact]
    public void PointOfProcess_ForSomeoneWithAHandUp_MovesThemToTheFrontOnce()
    {
        var m = Running(TurnPolicy.RaiseHand);
        m.Given(m.RaiseHand("Ben"), m.RaiseHand("Cai"), m.RaiseHand("Dee"));

        m.Given(m.PointOfProcess("Dee"));

        Assert.Equal(["Dee", "Ben", "Cai"], m.Order);
        var dee = Assert.Single(m.State.Queue, e => e.Participant == m.P("Dee"));
        Assert.Equal(QueueEntryKind.PointOfProcess, dee.Kind);
    }

    [Fact]
    public void PointOfProcess_AlreadyRaisedForThem_ChangesNothing()
    {
        var m = Running(TurnPolicy.RaiseHand);
        m.Given(m.PointOfProcess("Cai"));

        m.When(m.PointOfProcess("Cai", m.CoFacilitator)).ThenNothingHappens();

        Assert.Equal(["Cai"], m.Order);
    }

    [Fact]
    public void PointOfProcess_Several_AreTakenInTheOrderRaised()
    {
        var m = Running(TurnPolicy.RaiseHand);
        m.Given(m.RaiseHand("Ana"), m.PointOfProcess("Dee")).WaitSeconds(3).Given(m.PointOfProcess("Ben"));

        Assert.Equal(["Dee", "Ben", "Ana"], m.Order);
    }

    [Fact]
    public void PointOfProcess_DuringAGoRound_KeepsTheirPlaceInTheRound()
    {
        var m = Running(TurnPolicy.GoRound);
        m.Given(m.PointOfProcess("Dee")).NextSpeakerIs("Dee");
        m.WaitSeconds(30);

        m.NextSpeakerIs("Ben");

        Assert.Equal(["Cai", "Dee", "Ana"], m.Order);
    }

    [Fact]
    public void PointOfProcess_ByCoFacilitator_IsAccepted()
    {
        var m = Running(TurnPolicy.RaiseHand);

        m.When(m.PointOfProcess("Ben", m.CoFacilitator)).ThenEvents(new PointOfProcessRaised(m.P("Ben"), m.Now));
    }

    [Fact]
    public void PointOfProcess_ByAMember_IsRefusedEvenForThemselves()
    {
        var m = Running(TurnPolicy.RaiseHand);
        m.Given(m.RaiseHand("Ana"));

        var refusal = m.When(m.PointOfProcess("Ben", Actor.Member(m.P("Ben")))).ThenRefused(RefusalCode.NotPermitted);

        Assert.Equal((RefusalReason.RoleMayNot, Role.Member, MeetingAction.RunQueue), (refusal.Reason, refusal.Role, refusal.Action));
        Assert.Equal(["Ana"], m.Order);
    }

    [Fact]
    public void PointOfProcess_ByTheDisplay_IsRefused()
    {
        var m = Running(TurnPolicy.RaiseHand);

        m.When(m.PointOfProcess("Ben", Actor.Display)).ThenRefused(RefusalCode.NotPermitted);
    }

    [Fact]
    public void PointOfProcess_ForSomeoneWhoLeft_IsRefused()
    {
        var m = Running(TurnPolicy.RaiseHand);
        m.Given(m.Leaves("Cai"));

        m.When(m.PointOfProcess("Cai")).ThenRefused(RefusalCode.NotNow);
    }
}
