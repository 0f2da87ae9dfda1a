using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Engine.Tests.Support;

namespace FacilitatorKit.Engine.Tests.Speakers;

/// <summary>
/// B1 of the trial: a second press a moment after the first skipped a person, who got a 0-second turn stored as
/// spoken. A change of speaker can now be undone for 30 seconds, and a press that asks first does not end a turn
/// that began under 2 seconds ago.
/// </summary>
public class UndoSpeakerChangeTests
{
    private static readonly TimeSpan Three = TimeSpan.FromMinutes(3);

    /// <summary>Raise hand, 3-minute turns; Ana, Ben and Cai have raised their hands in that order.</summary>
    private static MeetingScenario ThreeWaiting()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand, Three), "Ana", "Ben", "Cai", "Dee");
        m.Given(m.RaiseHand("Ana")).WaitSeconds(1).Given(m.RaiseHand("Ben")).WaitSeconds(1).Given(m.RaiseHand("Cai"));
        return m;
    }

    private static UndoSpeakerChange Undo(MeetingScenario m, Actor? by = null) =>
        new(MeetingScenario.NewId(), m.State.CurrentTurn!.Id) { Actor = by ?? m.Facilitator };

    [Fact]
    public void Undo_AfterASecondPressSkippedAna_AnaSpeaksAgainAndBenWaitsFirst()
    {
        var m = ThreeWaiting();
        m.Given(m.NextSpeaker()).WaitSeconds(0.1).Given(m.NextSpeaker()); // the tablet, a moment behind
        Assert.Equal("Ben", m.Speaker);
        Assert.True(m.State.HasSpoken(m.P("Ana")));

        m.WaitSeconds(5);
        m.When(Undo(m)).ThenEventTypes(typeof(SpeakerChangeUndone));

        Assert.Equal("Ana", m.Speaker);
        Assert.Equal(["Ben", "Cai"], m.Order);
        Assert.Empty(m.State.Ledger);
        Assert.False(m.State.AirtimeTotals.ContainsKey(m.P("Ana")), "Ana's cut-short turn is not stored as spoken");
        Assert.False(m.State.HasSpoken(m.P("Ben")), "Ben's undone turn marks nobody as having spoken");
        Assert.Null(m.State.LastSpeakerChange);
    }

    [Fact]
    public void Undo_TheOnlyChange_NobodySpeaksAndAnaKeepsHerPlaceAndWhenSheRaisedHerHand()
    {
        var m = ThreeWaiting();
        var queueBefore = m.State.Queue;
        m.Given(m.NextSpeaker()).WaitSeconds(3);

        m.When(Undo(m)).ThenAccepted();

        Assert.Null(m.Speaker);
        StateComparer.AssertEqual(queueBefore, m.State.Queue, "queue");
        Assert.False(m.State.HasSpoken(m.P("Ana")));
    }

    [Fact]
    public void Undo_AnaWasCutOffAfterAMinute_HerTurnGoesOnWithHerAirtimeAndTheTimeSheHadLeft()
    {
        var m = ThreeWaiting();
        m.Given(m.NextSpeaker()).WaitMinutes(1).Given(m.NextSpeaker()).WaitSeconds(10);

        m.When(Undo(m)).ThenAccepted();

        var turn = m.State.CurrentTurn!;
        Assert.Equal("Ana", m.Speaker);
        Assert.Equal(TimeSpan.FromMinutes(1), turn.Airtime(m.Now));
        Assert.Equal(m.Now + TimeSpan.FromMinutes(2), turn.Deadline);
        m.WaitSeconds(30);
        Assert.Equal(TimeSpan.FromSeconds(90), m.State.AirtimeOf(m.P("Ana"), m.Now));
    }

    [Fact]
    public void Undo_InBalancedOrder_AnaIsNotSpokenYetAgainAndGoesFirst()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.Balanced, Three), "Ana", "Ben", "Cai");
        m.Given(m.RaiseHand("Ben"), m.NextSpeaker()).WaitMinutes(2).Given(m.EndTurn());
        m.Given(m.RaiseHand("Ben"), m.RaiseHand("Ana"), m.RaiseHand("Cai"));
        Assert.Equal(["Ana", "Cai", "Ben"], m.Order);
        m.Given(m.NextSpeaker()).WaitSeconds(0.2).Given(m.NextSpeaker()); // Ana skipped; Cai speaks

        m.When(Undo(m)).ThenAccepted();

        Assert.Equal("Ana", m.Speaker);
        Assert.Equal(["Cai", "Ben"], m.Order);
        m.Given(m.EndTurn());
        Assert.Equal(["Cai", "Ben"], m.Order);
    }

    [Fact]
    public void Undo_InAGoRound_TheRoundIsAsItWasBeforeTheChange()
    {
        var m = MeetingScenario.Gathering(Formats.OneItem(TurnPolicy.GoRound, Three), ["Ana", "Ben", "Cai", "Dee"], chair: "Ana");
        m.Given(m.StartMeeting(), m.NextSpeaker()).WaitSeconds(0.3).Given(m.NextSpeaker());
        Assert.Equal("Cai", m.Speaker);

        m.When(Undo(m)).ThenAccepted();

        Assert.Equal("Ben", m.Speaker);
        Assert.Empty(m.State.Round!.Done);
        Assert.Equal(["Cai", "Dee", "Ana"], m.Order);
    }

    [Fact]
    public void Undo_After30Seconds_IsRefusedAsTooLate()
    {
        var m = ThreeWaiting();
        m.Given(m.NextSpeaker()).WaitSeconds(1).Given(m.NextSpeaker()).WaitSeconds(31);

        var refusal = m.When(Undo(m)).ThenRefused(RefusalCode.NotNow);

        Assert.Equal(RefusalReason.TooLateToUndo, refusal.Reason);
        Assert.Equal(Limits.UndoSpeakerChange, refusal.Duration);
        Assert.Equal("Ben", m.Speaker);
    }

    [Fact]
    public void Undo_NamingATurnThatIsNoLongerTheLastChange_DoesNothing()
    {
        var m = ThreeWaiting();
        m.Given(m.NextSpeaker());
        var staleUndo = Undo(m, m.CoFacilitator); // built while Ana's turn was on the tablet's screen
        m.WaitSeconds(5).Given(m.NextSpeaker());

        var refusal = m.When(staleUndo).ThenRefused(RefusalCode.NotNow);

        Assert.Equal(RefusalReason.NoSpeakerChangeToUndo, refusal.Reason);
        Assert.Equal("Ben", m.Speaker);
    }

    [Fact]
    public void Undo_TwiceInARow_TheSecondFindsNothingToUndo()
    {
        var m = ThreeWaiting();
        m.Given(m.NextSpeaker()).WaitSeconds(1).Given(m.NextSpeaker());
        var first = Undo(m);
        var second = Undo(m, m.CoFacilitator);

        m.When(first).ThenAccepted();
        m.When(second).ThenRefused(RefusalCode.NotNow);

        Assert.Equal("Ana", m.Speaker);
    }

    [Fact]
    public void Undo_AfterTheTurnItStartedEnded_FindsNothingToUndo()
    {
        var m = ThreeWaiting();
        m.Given(m.NextSpeaker()).WaitSeconds(5);
        var undo = Undo(m);
        m.Given(m.EndTurn());

        Assert.Equal(RefusalReason.NoSpeakerChangeToUndo, m.When(undo).ThenRefused(RefusalCode.NotNow).Reason);
    }

    [Fact]
    public void Undo_TheEndedSpeakerHasLeft_IsRefusedAndNamesThem()
    {
        var m = ThreeWaiting();
        m.Given(m.NextSpeaker()).WaitSeconds(20).Given(m.NextSpeaker(), m.Leaves("Ana"));

        var refusal = m.When(Undo(m)).ThenRefused(RefusalCode.NotNow);

        Assert.Equal(RefusalReason.CannotUndoPersonLeft, refusal.Reason);
        Assert.Equal(m.P("Ana"), refusal.Person);
    }

    [Fact]
    public void Undo_ByTheCoFacilitator_IsAllowed_ByTheDisplay_IsNot()
    {
        var m = ThreeWaiting();
        m.Given(m.NextSpeaker()).WaitSeconds(1).Given(m.NextSpeaker());

        m.When(Undo(m, Actor.Display)).ThenRefused(RefusalCode.NotPermitted);
        m.When(Undo(m, m.CoFacilitator)).ThenAccepted();
    }

    [Fact]
    public void Replay_OfAnUndoneChange_GivesTheSameState()
    {
        var m = ThreeWaiting();
        m.Given(m.NextSpeaker()).WaitSeconds(40).Given(m.NextSpeaker()).WaitSeconds(4);
        m.Given(Undo(m)).WaitSeconds(3).Given(m.NextSpeaker());

        var replayed = Meeting.Replay(m.Id, m.History);

        StateComparer.AssertEqual(m.State, replayed);
        Assert.Equal("Ben", m.Speaker);
        Assert.Equal(TimeSpan.FromSeconds(43), m.State.AirtimeTotals[m.P("Ana")]);
    }

    [Fact]
    public void NextSpeaker_AskingFirst_WithinTwoSecondsOfAStart_IsRefusedAndNamesWhoJustStarted()
    {
        var m = ThreeWaiting();
        m.Given(m.NextSpeaker()).WaitSeconds(1.5);

        var refusal = m.When(m.NextSpeaker() with { AsksIfJustStarted = true }).ThenRefused(RefusalCode.AlreadyChanged);

        Assert.Equal(RefusalReason.TurnJustStarted, refusal.Reason);
        Assert.Equal(m.P("Ana"), refusal.Person);
        Assert.Equal("Ana", m.Speaker);
        m.When(m.NextSpeaker()).ThenAccepted(); // "End Ana's turn anyway"
        Assert.Equal("Ben", m.Speaker);
    }

    [Fact]
    public void NextSpeaker_AskingFirst_TwoSecondsAfterAStart_EndsTheTurn()
    {
        var m = ThreeWaiting();
        m.Given(m.NextSpeaker()).WaitSeconds(2);

        m.When(m.NextSpeaker() with { AsksIfJustStarted = true }).ThenAccepted();

        Assert.Equal("Ben", m.Speaker);
    }

    [Fact]
    public void EndTurn_AskingFirst_WithinTwoSecondsOfAStart_IsRefused()
    {
        var m = ThreeWaiting();
        m.Given(m.NextSpeaker()).WaitSeconds(0.5);

        var refusal = m.When(m.EndTurn() with { AsksIfJustStarted = true }).ThenRefused(RefusalCode.AlreadyChanged);

        Assert.Equal(RefusalReason.TurnJustStarted, refusal.Reason);
        Assert.Equal("Ana", m.Speaker);
    }
}
