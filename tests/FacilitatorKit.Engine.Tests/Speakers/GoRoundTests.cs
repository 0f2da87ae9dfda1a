using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Engine.Tests.Support;

namespace FacilitatorKit.Engine.Tests.Speakers;

public class GoRoundTests
{
    private static readonly AgendaItemId Item = new(1);

    /// <summary>Ana, Ben, Cai and Dee sit in that order; the go-round item is running.</summary>
    private static MeetingScenario Circle(string chair = "Ana")
    {
        var m = MeetingScenario.Gathering(Formats.OneItem(TurnPolicy.GoRound, TimeSpan.FromMinutes(1)), ["Ana", "Ben", "Cai", "Dee"], chair);
        m.Given(m.StartMeeting());
        return m;
    }

    private static StartGoRound StartGoRound(MeetingScenario m, string? at = null) =>
        new(MeetingScenario.NewId(), at is null ? null : m.P(at)) { Actor = m.Facilitator };

    /// <summary>
    /// The round the command started, by name. (GoRoundStarted carries an ImmutableArray, which compares by reference,
    /// so ThenEvents cannot compare it as a value.)
    /// </summary>
    private static void ThenRoundStarted(MeetingScenario.Outcome outcome, params string[] order)
    {
        var round = outcome.OnlyEvent<GoRoundStarted>();
        Assert.Equal(Item, round.Item);
        Assert.Equal(order, round.Order.Select(outcome.Scenario.State.NameOf));
    }

    /// <summary>The speaker talks for a while, then the facilitator calls the next person.</summary>
    private static void Speaks(MeetingScenario m, string expected, double seconds = 30)
    {
        m.NextSpeakerIs(expected);
        m.WaitSeconds(seconds);
    }

    [Fact]
    public void StartMeeting_GoRoundItem_TakesPeopleInSeatingOrderStartingAfterTheChair()
    {
        var m = MeetingScenario.Gathering(Formats.OneItem(TurnPolicy.GoRound), ["Ana", "Ben", "Cai", "Dee"], chair: "Cai");

        var started = m.When(m.StartMeeting()).ThenEventTypes(typeof(MeetingStarted), typeof(AgendaItemStarted), typeof(GoRoundStarted));

        ThenRoundStarted(started, "Dee", "Ana", "Ben", "Cai");
        Assert.Equal(new AgendaItemStarted(Item, m.Now, m.Now + TimeSpan.FromMinutes(30)), started.OnlyEvent<AgendaItemStarted>() with { Cause = default });

        Assert.Equal(["Dee", "Ana", "Ben", "Cai"], m.Order);
    }

    [Fact]
    public void NextSpeaker_GoRound_StartsThePersonAfterTheChairWithAGoRoundTurn()
    {
        var m = Circle(chair: "Ana");

        m.When(m.NextSpeaker()).ThenEvents(
            new TurnStarted(new TurnId(1), m.P("Ben"), Item, TurnKind.GoRound, m.Now, TimeSpan.FromMinutes(1), m.Now + TimeSpan.FromMinutes(1)));

        Assert.Equal(["Cai", "Dee", "Ana"], m.Order);
    }

    [Fact]
    public void StartGoRound_AtAChosenPerson_StartsThereAndFollowsTheSeating()
    {
        var m = Circle(chair: "Ana");

        var started = m.When(StartGoRound(m, at: "Cai")).ThenEventTypes(typeof(GoRoundStarted));

        ThenRoundStarted(started, "Cai", "Dee", "Ana", "Ben");

        Assert.Equal(["Cai", "Dee", "Ana", "Ben"], m.Order);
    }

    [Fact]
    public void StartGoRound_OnARaiseHandItem_SwitchesTheItemToGoRoundAndStartsAfterTheChair()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben", "Cai");

        var started = m.When(StartGoRound(m)).ThenEventTypes(typeof(TurnPolicyChanged), typeof(GoRoundStarted));

        ThenRoundStarted(started, "Ben", "Cai", "Ana");
        Assert.Equal(new TurnPolicyChanged(Item, TurnPolicy.GoRound), started.OnlyEvent<TurnPolicyChanged>() with { Cause = default });

        Assert.Equal(TurnPolicy.GoRound, m.State.CurrentItem!.TurnPolicy);
    }

    [Fact]
    public void StartGoRound_AtSomeoneWhoLeft_IsRefused()
    {
        var m = Circle();
        m.Given(m.Leaves("Cai"));

        var refusal = m.When(StartGoRound(m, at: "Cai")).ThenRefused(RefusalCode.NotNow);

        Assert.Equal((RefusalReason.PersonHasLeft, m.P("Cai")), (refusal.Reason, refusal.Person));
    }

    [Fact]
    public void GoRound_PeopleWhoLeftBeforeItStarts_AreSkipped()
    {
        var m = MeetingScenario.Gathering(Formats.OneItem(TurnPolicy.GoRound), ["Ana", "Ben", "Cai", "Dee"]);
        m.Given(m.Leaves("Cai"));

        m.When(m.StartMeeting()).OnlyEvent<GoRoundStarted>();

        Assert.Equal(["Ben", "Dee", "Ana"], m.Order);
    }

    [Fact]
    public void GoRound_SomeoneLeavesBeforeTheirTurn_IsSkipped()
    {
        var m = Circle();
        Speaks(m, "Ben");

        m.Given(m.Leaves("Cai"));

        Assert.Equal(["Dee", "Ana"], m.Order);
        Speaks(m, "Dee");
    }

    [Fact]
    public void StartGoRound_AfterTheChairWhoHasLeft_StillStartsAfterTheirSeat()
    {
        var m = Circle(chair: "Ben");
        m.Given(m.Leaves("Ben"));

        ThenRoundStarted(m.When(StartGoRound(m)), "Cai", "Dee", "Ana");
    }

    [Fact]
    public void Pass_EndsTheTurnWithNoAirtime()
    {
        var m = Circle();
        Speaks(m, "Ben", seconds: 5);

        m.When(m.Pass()).ThenEvents(new TurnEnded(new TurnId(1), m.Now, TurnOutcome.Passed, TimeSpan.Zero));

        Assert.Equal(TimeSpan.Zero, m.State.AirtimeOf(m.P("Ben"), m.Now));
        Assert.False(m.State.HasSpoken(m.P("Ben")));
    }

    [Fact]
    public void Pass_CountsAsTheirTurnInTheRound()
    {
        var m = Circle();
        Speaks(m, "Ben", seconds: 5);

        m.Given(m.Pass());

        Assert.Contains(m.P("Ben"), m.State.Round!.Done);
        Assert.Equal(["Cai", "Dee", "Ana"], m.Order);
        Speaks(m, "Cai");
    }

    [Fact]
    public void PassForNow_EndsTheTurnWithNoAirtime()
    {
        var m = Circle();
        Speaks(m, "Ben", seconds: 5);

        m.When(m.PassForNow()).ThenEvents(new TurnEnded(new TurnId(1), m.Now, TurnOutcome.PassedForNow, TimeSpan.Zero));

        Assert.Equal(TimeSpan.Zero, m.State.AirtimeOf(m.P("Ben"), m.Now));
    }

    [Fact]
    public void PassForNow_MovesThemToTheEndOfThisRound()
    {
        var m = Circle();
        Speaks(m, "Ben", seconds: 5);

        m.Given(m.PassForNow());

        Assert.Equal(["Cai", "Dee", "Ana", "Ben"], m.Order);
        Assert.True(m.State.SpeakerOrder(m.Now)[^1].PassedForNow);
        Speaks(m, "Cai");
        Speaks(m, "Dee");
        Speaks(m, "Ana");
        Speaks(m, "Ben");
    }

    [Fact]
    public void PassForNow_ASecondTimeInTheSameRound_IsRefused()
    {
        var m = Circle();
        Speaks(m, "Ben", seconds: 5);
        m.Given(m.PassForNow());
        Speaks(m, "Cai");
        Speaks(m, "Dee");
        Speaks(m, "Ana", seconds: 5);
        Speaks(m, "Ben", seconds: 5);

        var refusal = m.When(m.PassForNow()).ThenRefused(RefusalCode.NotNow);

        Assert.Equal((RefusalReason.AlreadyPassedForNow, m.P("Ben")), (refusal.Reason, refusal.Person));
        Assert.Equal("Ben", m.Speaker);
    }

    [Fact]
    public void Pass_AfterPassingForNow_EndsTheirPlaceInTheRound()
    {
        var m = Circle();
        Speaks(m, "Ben", seconds: 5);
        m.Given(m.PassForNow());
        Speaks(m, "Cai");
        Speaks(m, "Dee");
        Speaks(m, "Ana");
        Speaks(m, "Ben", seconds: 5);
        var secondTurn = m.State.CurrentTurn!.Id;

        m.When(m.Pass()).ThenEvents(new TurnEnded(secondTurn, m.Now, TurnOutcome.Passed, TimeSpan.Zero));

        Assert.True(m.State.Round!.IsComplete);
        Assert.Empty(m.Order);
    }

    [Fact]
    public void PassForNow_OutsideAGoRound_IsRefused()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben");
        m.Given(m.RaiseHand("Ben"));
        Speaks(m, "Ben", seconds: 5);

        m.When(m.PassForNow()).ThenRefused(RefusalCode.NotNow);
    }

    [Fact]
    public void GoRound_EndsWhenEveryoneHasHadATurnOrPassed()
    {
        var m = Circle();
        Speaks(m, "Ben", seconds: 5);
        m.Given(m.Pass());
        Speaks(m, "Cai");
        Speaks(m, "Dee");
        Speaks(m, "Ana");
        Assert.False(m.State.Round!.IsComplete);

        m.When(m.NextSpeaker()).ThenEventTypes(typeof(TurnEnded));

        Assert.True(m.State.Round!.IsComplete);
        Assert.Null(m.Speaker);
        m.When(m.NextSpeaker()).ThenRefused(RefusalCode.NotNow);
    }

    [Fact]
    public void GoRound_WithSomeoneWhoPassedForNow_IsNotOverUntilTheyComeRound()
    {
        var m = Circle();
        Speaks(m, "Ben", seconds: 5);
        m.Given(m.PassForNow());
        Speaks(m, "Cai");
        Speaks(m, "Dee");
        Speaks(m, "Ana");
        m.Given(m.EndTurn());

        Assert.False(m.State.Round!.IsComplete);
        Assert.Equal(["Ben"], m.Order);
    }

    [Fact]
    public void IsComplete_IsTrueOnlyWhenEveryoneInTheOrderIsDone()
    {
        var (a, b) = (ParticipantId.New(), ParticipantId.New());
        var round = new GoRound(Item, [a, b]);

        Assert.False(round.IsComplete);
        Assert.False((round with { Done = [a] }).IsComplete);
        Assert.True((round with { Done = [a, b] }).IsComplete);
    }

    [Fact]
    public void Latecomer_DuringTheRound_JoinsItsEndWhateverTheirSeat()
    {
        var m = Circle();
        Speaks(m, "Ben");

        m.When(m.Arrives("Eve", seat: 1)).ThenEventTypes(typeof(ParticipantAdded));

        Assert.Equal("Eve", m.State.Participants[1].Name);
        Assert.Equal(["Cai", "Dee", "Ana", "Eve"], m.Order);
    }

    [Fact]
    public void Latecomer_ComesAfterSomeoneWhoPassedForNowBeforeTheyArrived()
    {
        var m = Circle();
        Speaks(m, "Ben", seconds: 5);
        m.Given(m.PassForNow());

        m.Given(m.Arrives("Eve"));

        Assert.Equal(["Cai", "Dee", "Ana", "Ben", "Eve"], m.Order);
    }

    [Fact]
    public void SomeoneWhoStepsOutAndComesBack_BeforeTheirTurn_JoinsTheEndOfTheRound()
    {
        var m = Circle();
        Speaks(m, "Ben");
        m.Given(m.Leaves("Cai"));

        m.When(m.Arrives("Cai")).ThenEvents(new ParticipantReturned(m.P("Cai")));

        Assert.Equal(["Dee", "Ana", "Cai"], m.Order);
        Assert.False(m.State.Round!.IsComplete);
    }

    [Fact]
    public void SomeoneWhoStepsOutAfterTheirTurn_AndComesBack_IsNotCalledAgain()
    {
        var m = Circle();
        Speaks(m, "Ben");
        Speaks(m, "Cai");
        m.Given(m.Leaves("Ben"), m.Arrives("Ben"));

        Assert.Equal(["Dee", "Ana"], m.Order);
    }

    [Fact]
    public void RaiseHand_ForSomeoneStillWaitingInTheRound_ChangesNothing()
    {
        var m = Circle();

        m.When(m.RaiseHand("Dee")).ThenNothingHappens();

        Assert.Equal(["Ben", "Cai", "Dee", "Ana"], m.Order);
    }

    [Fact]
    public void RaiseHand_AfterTheirGoRoundTurn_WaitsUntilTheRoundIsDone()
    {
        var m = Circle();
        Speaks(m, "Ben");
        Speaks(m, "Cai");

        m.Given(m.RaiseHand("Ben"));

        Assert.Equal(["Dee", "Ana", "Ben"], m.Order);
    }

    [Fact]
    public void ChangeTurnPolicy_ToGoRoundOnTheRunningItem_StartsARoundAfterTheChair()
    {
        var m = MeetingScenario.Gathering(Formats.OneItem(TurnPolicy.RaiseHand), ["Ana", "Ben", "Cai", "Dee"], chair: "Ben");
        m.Given(m.StartMeeting());

        var changed = m.When(new ChangeTurnPolicy(MeetingScenario.NewId(), Item, TurnPolicy.GoRound) { Actor = m.Facilitator })
            .ThenEventTypes(typeof(TurnPolicyChanged), typeof(GoRoundStarted));

        ThenRoundStarted(changed, "Cai", "Dee", "Ana", "Ben");

        Assert.Equal(["Cai", "Dee", "Ana", "Ben"], m.Order);
    }

    [Fact]
    public void ChangeTurnPolicy_AwayFromGoRound_EndsTheRound()
    {
        var m = Circle();
        Speaks(m, "Ben");
        m.Given(m.EndTurn());

        m.When(new ChangeTurnPolicy(MeetingScenario.NewId(), Item, TurnPolicy.RaiseHand) { Actor = m.Facilitator })
            .ThenEvents(new TurnPolicyChanged(Item, TurnPolicy.RaiseHand));

        Assert.Null(m.State.Round);
        Assert.Empty(m.Order);
    }
}
