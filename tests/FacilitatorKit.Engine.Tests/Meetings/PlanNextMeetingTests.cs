using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Tests.Support;
using static FacilitatorKit.Engine.Tests.Agenda.TestAgendas;

namespace FacilitatorKit.Engine.Tests.Meetings;

/// <summary>Issue 11 §8: the closing asks for the next meeting's date and place, and the meeting keeps them.</summary>
public class PlanNextMeetingTests
{
    private static readonly DateOnly NextTuesday = new(2026, 11, 29);

    private static PlanNextMeeting Plan(MeetingScenario m, DateOnly? on, string? place, Actor? by = null) =>
        new(MeetingScenario.NewId(), on, place) { Actor = by ?? m.Facilitator };

    [Fact]
    public void PlanNextMeeting_WhileTheMeetingRuns_KeepsTheDateAndThePlace()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        m.WaitMinutes(40);

        m.When(Plan(m, NextTuesday, "  Library, room 2 ")).ThenEvents(new NextMeetingPlanned(NextTuesday, "Library, room 2", At(40)));

        Assert.Equal(new NextMeeting(NextTuesday, "Library, room 2"), m.State.NextMeeting);
        Assert.Equal(m.State.NextMeeting, Meeting.Replay(m.Id, m.History).NextMeeting);
    }

    [Fact]
    public void PlanNextMeeting_SaidAgainTheSame_ChangesNothing_AndABlankPlaceIsNoPlace()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        m.Given(Plan(m, NextTuesday, "Library"));

        m.When(Plan(m, NextTuesday, "Library")).ThenNothingHappens();
        m.When(Plan(m, null, "  ")).ThenEvents(new NextMeetingPlanned(null, null, At(0)));
        m.When(Plan(m, null, null)).ThenNothingHappens();
    }

    [Fact]
    public void PlanNextMeeting_TheCoFacilitatorMay_AMemberOrTheDisplayMayNot()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");

        m.When(Plan(m, NextTuesday, "Library", m.CoFacilitator)).ThenAccepted();
        var refusal = m.When(Plan(m, NextTuesday, "Hall", Actor.Member(m.P("Ben")))).ThenRefused(RefusalCode.NotPermitted);
        Assert.Equal(MeetingAction.Notes, refusal.Action);
        m.When(Plan(m, NextTuesday, "Hall", Actor.Display)).ThenRefused(RefusalCode.NotPermitted);
    }

    [Fact]
    public void PlanNextMeeting_APlaceLongerThanTheLimit_IsRefused()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");

        var refusal = m.When(Plan(m, NextTuesday, new string('x', Limits.PlaceLength + 1))).ThenRefused(RefusalCode.Invalid);

        Assert.Equal(RefusalReason.NextMeetingPlaceTooLong, refusal.Reason);
        Assert.Null(m.State.NextMeeting);
    }

    [Fact]
    public void PlanNextMeeting_BeforeTheStartOrAfterTheEnd_IsRefused()
    {
        var gathering = MeetingScenario.Gathering(ThreeItems, ["Ana", "Ben"]);
        Assert.Equal(RefusalReason.MeetingNotStarted, gathering.When(Plan(gathering, NextTuesday, "Library")).ThenRefused(RefusalCode.NotNow).Reason);

        var ended = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        ended.Given(ended.EndMeeting());
        Assert.Equal(RefusalReason.MeetingEnded, ended.When(Plan(ended, NextTuesday, "Library")).ThenRefused(RefusalCode.NotNow).Reason);
    }
}
