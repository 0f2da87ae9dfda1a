using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Engine.Tests.Support;

namespace FacilitatorKit.Engine.Tests.Speakers;

public class RaiseHandTests
{
    [Fact]
    public void NextSpeaker_RaiseHandPolicy_TakesFirstComeFirstServed()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben", "Cai");
        m.Given(m.RaiseHand("Cai")).WaitSeconds(1).Given(m.RaiseHand("Ana")).WaitSeconds(1).Given(m.RaiseHand("Ben"));

        m.When(m.NextSpeaker()).ThenEvents(
            new TurnStarted(new TurnId(1), m.P("Cai"), new AgendaItemId(1), TurnKind.Regular, m.Now, null, null));

        Assert.Equal(["Ana", "Ben"], m.Order);
    }

    [Fact]
    public void RaiseHand_AlreadyQueued_ChangesNothing()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben");
        m.Given(m.RaiseHand("Ben"));

        m.When(m.RaiseHand("Ben", m.CoFacilitator)).ThenNothingHappens();

        Assert.Equal(["Ben"], m.Order);
    }

    [Fact]
    public void RaiseHand_PutsThePersonInTheQueueAtTheTimeTheyAsked()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben");
        m.WaitMinutes(2);

        m.When(m.RaiseHand("Ben")).ThenEvents(new HandRaised(m.P("Ben"), m.Now));

        Assert.Equal(["Ben"], m.Order);
    }

    [Fact]
    public void RaiseHand_AfterTheirTurn_QueuesThemAgainBehindThoseAlreadyWaiting()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben", "Cai");
        m.Given(m.RaiseHand("Ana"), m.RaiseHand("Ben")).NextSpeakerIs("Ana");
        m.WaitMinutes(1).Given(m.RaiseHand("Cai"), m.RaiseHand("Ana"));

        Assert.Equal(["Ben", "Cai", "Ana"], m.Order);
        m.NextSpeakerIs("Ben").NextSpeakerIs("Cai").NextSpeakerIs("Ana");
    }

    [Fact]
    public void RaiseHand_FromTheirOwnDeviceAndOnTheirBehalf_QueuesThemOnce()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben", "Cai");
        var ben = Actor.Member(m.P("Ben"));
        m.Given(m.RaiseHand("Ben", ben), m.RaiseHand("Cai"));

        m.When(m.RaiseHand("Ben")).ThenNothingHappens();
        m.When(m.RaiseHand("Ben", ben)).ThenNothingHappens();

        Assert.Single(m.State.Queue, e => e.Participant == m.P("Ben"));
        Assert.Equal(["Ben", "Cai"], m.Order);
    }

    [Fact]
    public void LowerHand_TakesThePersonOutOfTheQueue()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben", "Cai");
        m.Given(m.RaiseHand("Ana"), m.RaiseHand("Ben"), m.RaiseHand("Cai"));

        m.When(m.LowerHand("Ben")).ThenEvents(new HandLowered(m.P("Ben")));

        Assert.Equal(["Ana", "Cai"], m.Order);
    }

    [Fact]
    public void LowerHand_NotInTheQueue_ChangesNothing()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben");
        m.Given(m.RaiseHand("Ana"));

        m.When(m.LowerHand("Ben")).ThenNothingHappens();

        Assert.Equal(["Ana"], m.Order);
    }

    [Fact]
    public void LowerHand_ThenRaiseAgain_GoesToTheBackOfTheQueue()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben", "Cai");
        m.Given(m.RaiseHand("Ana"), m.RaiseHand("Ben"), m.RaiseHand("Cai"));

        m.Given(m.LowerHand("Ana")).WaitSeconds(5).Given(m.RaiseHand("Ana"));

        Assert.Equal(["Ben", "Cai", "Ana"], m.Order);
    }

    [Theory]
    [InlineData(Role.Facilitator)]
    [InlineData(Role.CoFacilitator)]
    public void RaiseHand_FacilitatorRoles_CanQueueAnyoneOnTheirBehalf(Role role)
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben");

        m.When(m.RaiseHand("Ben", new Actor(role))).ThenEvents(new HandRaised(m.P("Ben"), m.Now));

        Assert.Equal(["Ben"], m.Order);
    }

    [Theory]
    [InlineData(Role.Facilitator)]
    [InlineData(Role.CoFacilitator)]
    public void LowerHand_FacilitatorRoles_CanTakeAnyoneOutOfTheQueue(Role role)
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben");
        m.Given(m.RaiseHand("Ben", Actor.Member(m.P("Ben"))));

        m.When(m.LowerHand("Ben", new Actor(role))).ThenEvents(new HandLowered(m.P("Ben")));

        Assert.Empty(m.Order);
    }

    [Fact]
    public void RaiseHand_MemberOnTheirOwnDevice_QueuesThemselves()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben");

        m.When(m.RaiseHand("Ben", Actor.Member(m.P("Ben")))).ThenEvents(new HandRaised(m.P("Ben"), m.Now));
    }

    [Fact]
    public void RaiseHand_MemberForSomeoneElse_IsRefused()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben");

        var refusal = m.When(m.RaiseHand("Ana", Actor.Member(m.P("Ben")))).ThenRefused(RefusalCode.NotPermitted);

        Assert.Equal((RefusalReason.RoleMayNot, Role.Member, MeetingAction.RunQueue), (refusal.Reason, refusal.Role, refusal.Action));
        Assert.Empty(m.Order);
    }

    [Fact]
    public void LowerHand_MemberOwnHand_TakesThemOut()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben");
        m.Given(m.RaiseHand("Ana"), m.RaiseHand("Ben"));

        m.When(m.LowerHand("Ben", Actor.Member(m.P("Ben")))).ThenEvents(new HandLowered(m.P("Ben")));

        Assert.Equal(["Ana"], m.Order);
    }

    [Fact]
    public void LowerHand_MemberSomeoneElsesHand_IsRefusedAndTheQueueStays()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben");
        m.Given(m.RaiseHand("Ana"), m.RaiseHand("Ben"));

        m.When(m.LowerHand("Ana", Actor.Member(m.P("Ben")))).ThenRefused(RefusalCode.NotPermitted);

        Assert.Equal(["Ana", "Ben"], m.Order);
    }

    [Fact]
    public void Leaves_WhileWaiting_RemovesThemFromTheQueue()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben", "Cai");
        m.Given(m.RaiseHand("Ana"), m.RaiseHand("Ben"), m.RaiseHand("Cai"));

        m.When(m.Leaves("Ben")).ThenEvents(new ParticipantLeft(m.P("Ben")));

        Assert.Equal(["Ana", "Cai"], m.Order);
        Assert.DoesNotContain(m.State.Queue, e => e.Participant == m.P("Ben"));
    }

    [Fact]
    public void NextSpeaker_AfterSomeoneAtTheFrontLeft_StartsTheNextPersonStillHere()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben", "Cai");
        m.Given(m.RaiseHand("Ben"), m.RaiseHand("Cai"), m.Leaves("Ben"));

        m.NextSpeakerIs("Cai");
    }

    [Fact]
    public void RaiseHand_ForSomeoneWhoLeft_IsRefused()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben");
        m.Given(m.Leaves("Ben"));

        var refusal = m.When(m.RaiseHand("Ben")).ThenRefused(RefusalCode.NotNow);

        Assert.Equal((RefusalReason.PersonHasLeft, m.P("Ben")), (refusal.Reason, refusal.Person));
        Assert.Empty(m.Order);
    }
}
