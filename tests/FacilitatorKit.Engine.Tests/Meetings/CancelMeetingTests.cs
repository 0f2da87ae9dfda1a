using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Tests.Support;
using static FacilitatorKit.Engine.Tests.Agenda.TestAgendas;

namespace FacilitatorKit.Engine.Tests.Meetings;

/// <summary>B8: a meeting set up but never started can be called off, and then nothing more happens in it.</summary>
public class CancelMeetingTests
{
    [Fact]
    public void CancelMeeting_BeforeTheStart_CancelsIt()
    {
        var m = MeetingScenario.Gathering(ThreeItems, ["Ana", "Ben"]);
        m.WaitMinutes(2);

        m.When(m.CancelMeeting()).ThenEvents(new MeetingCancelled(At(2)));

        Assert.Equal(MeetingPhase.Cancelled, m.State.Phase);
        Assert.Null(m.State.StartedAt);
    }

    [Fact]
    public void CancelMeeting_OnceItHasStarted_IsRefused_ItCanBeEndedInstead()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");

        var refusal = m.When(m.CancelMeeting()).ThenRefused(RefusalCode.NotNow);

        Assert.Equal(RefusalReason.MeetingAlreadyStarted, refusal.Reason);
        Assert.Equal(MeetingPhase.Running, m.State.Phase);
    }

    [Fact]
    public void CancelMeeting_AfterTheEnd_IsRefused()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        m.Given(m.EndMeeting());

        Assert.Equal(RefusalReason.MeetingEnded, m.When(m.CancelMeeting()).ThenRefused(RefusalCode.NotNow).Reason);
    }

    [Fact]
    public void CancelMeeting_TwoDevicesTogether_CancelsOnce()
    {
        var m = MeetingScenario.Gathering(ThreeItems, ["Ana", "Ben"]);
        m.Given(m.CancelMeeting());

        m.When(m.CancelMeeting()).ThenNothingHappens();
    }

    [Theory]
    [InlineData(Role.CoFacilitator)]
    [InlineData(Role.Member)]
    [InlineData(Role.Display)]
    public void CancelMeeting_OnlyTheFacilitator(Role role)
    {
        var m = MeetingScenario.Gathering(ThreeItems, ["Ana", "Ben"]);

        var refusal = m.When(m.CancelMeeting(new Actor(role, m.P("Ben")))).ThenRefused(RefusalCode.NotPermitted);

        Assert.Equal(MeetingAction.StartOrEndMeeting, refusal.Action);
        Assert.Equal(MeetingPhase.Gathering, m.State.Phase);
    }

    [Fact]
    public void ACancelledMeeting_CannotBeStarted_NorRunAnyMore()
    {
        var m = MeetingScenario.Gathering(ThreeItems, ["Ana", "Ben"]);
        m.Given(m.CancelMeeting());

        Assert.Equal(RefusalReason.MeetingCancelled, m.When(m.StartMeeting()).ThenRefused(RefusalCode.NotNow).Reason);
        Assert.Equal(RefusalReason.MeetingCancelled, m.When(m.EndMeeting()).ThenRefused(RefusalCode.NotNow).Reason);
        Assert.Equal(RefusalReason.MeetingCancelled, m.When(m.RaiseHand("Ana")).ThenRefused(RefusalCode.NotNow).Reason);
        Assert.Equal(RefusalReason.MeetingCancelled, m.When(new ChangeFormat(MeetingScenario.NewId(), Formats.PeerSupportCircle) { Actor = m.Facilitator }).ThenRefused(RefusalCode.NotNow).Reason);
    }

    [Fact]
    public void ACancelledMeeting_ReplaysAsCancelled()
    {
        var m = MeetingScenario.Gathering(ThreeItems, ["Ana", "Ben"]);
        m.Given(m.CancelMeeting());

        Assert.Equal(MeetingPhase.Cancelled, Meeting.Replay(m.Id, m.History).Phase);
    }
}
