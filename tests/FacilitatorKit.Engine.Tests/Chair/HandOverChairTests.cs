using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Chair;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Engine.Tests.Support;

namespace FacilitatorKit.Engine.Tests.Chair;

public class HandOverChairTests
{
    /// <summary>Ana chairs; Ben, Cai and Dee sit after her.</summary>
    private static MeetingScenario Meeting() =>
        MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben", "Cai", "Dee");

    private static HandOverChair HandOver(MeetingScenario m, string? from, string to, Actor? by = null) =>
        new(MeetingScenario.NewId(), from is null ? null : m.P(from), m.P(to)) { Actor = by ?? m.Facilitator };

    [Fact]
    public void SetUpMeeting_RecordsTheChairOfTheDayAsTheFirstEntryInTheChairHistory()
    {
        var m = MeetingScenario.Gathering(Formats.OneItem(TurnPolicy.RaiseHand), ["Ana", "Ben"], chair: "Ben");

        Assert.Equal(m.P("Ben"), m.State.Chair);
        Assert.Equal([new ChairHandover(null, m.P("Ben"), MeetingScenario.Start)], m.State.ChairHistory);
    }

    [Fact]
    public void HandOverChair_DuringTheMeeting_IsRecordedInTheChairHistory()
    {
        var m = Meeting();
        m.WaitMinutes(25);

        m.When(HandOver(m, "Ana", "Cai")).ThenEvents(new ChairHandedOver(m.P("Ana"), m.P("Cai"), m.Now));

        Assert.Equal(m.P("Cai"), m.State.Chair);
        Assert.Equal(
            [new ChairHandover(null, m.P("Ana"), MeetingScenario.Start), new ChairHandover(m.P("Ana"), m.P("Cai"), m.Now)],
            m.State.ChairHistory);
    }

    [Fact]
    public void HandOverChair_Twice_KeepsEveryHandoverInOrder()
    {
        var m = Meeting();
        m.WaitMinutes(10).Given(HandOver(m, "Ana", "Ben"));
        m.WaitMinutes(10).Given(HandOver(m, "Ben", "Dee"));

        Assert.Equal(
            new (string?, string)[] { (null, "Ana"), ("Ana", "Ben"), ("Ben", "Dee") },
            m.State.ChairHistory.Select(h => (h.From is { } f ? m.State.NameOf(f) : null, m.State.NameOf(h.To))));
        Assert.Equal(m.P("Dee"), m.State.Chair);
    }

    [Fact]
    public void HandOverChair_FromSomeoneWhoIsNoLongerTheChair_IsRefusedAsAlreadyChanged()
    {
        var m = Meeting();
        m.Given(HandOver(m, "Ana", "Ben"));

        var refusal = m.When(HandOver(m, "Ana", "Cai")).ThenRefused(RefusalCode.AlreadyChanged);

        Assert.Equal((RefusalReason.ChairAlreadyChanged, m.P("Ben")), (refusal.Reason, refusal.Person));
        Assert.Equal(m.P("Ben"), m.State.Chair);
        Assert.Equal(2, m.State.ChairHistory.Count);
    }

    [Fact]
    public void HandOverChair_ToWhoeverIsAlreadyChair_ChangesNothing()
    {
        var m = Meeting();

        m.When(HandOver(m, "Ana", "Ana")).ThenNothingHappens();

        Assert.Single(m.State.ChairHistory);
    }

    [Theory]
    [InlineData(Role.CoFacilitator)]
    [InlineData(Role.Member)]
    [InlineData(Role.Display)]
    public void HandOverChair_ByAnyoneButTheFacilitator_IsRefused(Role role)
    {
        var m = Meeting();

        var refusal = m.When(HandOver(m, "Ana", "Ben", new Actor(role, m.P("Ana")))).ThenRefused(RefusalCode.NotPermitted);

        Assert.Equal((RefusalReason.RoleMayNot, role, MeetingAction.HandOverChair), (refusal.Reason, refusal.Role, refusal.Action));
        Assert.Equal(m.P("Ana"), m.State.Chair);
    }

    [Fact]
    public void HandOverChair_ToSomeoneWhoLeft_IsRefused()
    {
        var m = Meeting();
        m.Given(m.Leaves("Cai"));

        var refusal = m.When(HandOver(m, "Ana", "Cai")).ThenRefused(RefusalCode.NotNow);

        Assert.Equal((RefusalReason.PersonHasLeft, m.P("Cai")), (refusal.Reason, refusal.Person));
        Assert.Equal(m.P("Ana"), m.State.Chair);
    }

    [Fact]
    public void HandOverChair_ToSomeoneNotAtTheMeeting_IsRefused()
    {
        var m = Meeting();

        m.When(new HandOverChair(MeetingScenario.NewId(), m.P("Ana"), ParticipantId.New()) { Actor = m.Facilitator })
            .ThenRefused(RefusalCode.NotFound);
    }

    [Fact]
    public void HandOverChair_AfterTheMeetingEnded_IsRefused()
    {
        var m = Meeting();
        m.Given(m.EndMeeting());

        m.When(HandOver(m, "Ana", "Ben")).ThenRefused(RefusalCode.NotNow);
    }

    [Fact]
    public void StartGoRound_AfterAHandover_StartsAfterTheNewChair()
    {
        var m = Meeting();
        m.Given(HandOver(m, "Ana", "Cai"));

        m.Given(new StartGoRound(MeetingScenario.NewId()) { Actor = m.Facilitator });

        Assert.Equal(["Dee", "Ana", "Ben", "Cai"], m.Order);
    }
}
