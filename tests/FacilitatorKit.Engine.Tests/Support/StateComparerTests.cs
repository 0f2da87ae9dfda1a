using System.Collections.Immutable;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Speakers;

namespace FacilitatorKit.Engine.Tests.Support;

/// <summary>The replay property is only as good as its comparison, so the comparison is tested too.</summary>
public class StateComparerTests
{
    private static readonly DateTimeOffset At = MeetingScenario.Start;

    [Fact]
    public void StateComparer_SameContentInOtherCollectionInstances_IsEqual()
    {
        var m = ScenarioWithHands();

        var replayed = Meeting.Replay(m.Id, m.History);

        Assert.NotSame(m.State.Queue, replayed.Queue);
        Assert.NotEqual(m.State, replayed); // record equality compares the collections by reference
        StateComparer.AssertEqual(m.State, replayed);
    }

    [Fact]
    public void StateComparer_ListContentDiffers_NamesTheDifference()
    {
        var m = ScenarioWithHands();
        var changed = m.State with { Queue = m.State.Queue.SetItem(1, m.State.Queue[1] with { QueuedAt = At.AddHours(1) }) };

        var difference = StateComparer.FirstDifference(m.State, changed);

        Assert.NotNull(difference);
        Assert.Contains("Queue[1].QueuedAt", difference, StringComparison.Ordinal);
    }

    [Fact]
    public void StateComparer_ListOrderDiffers_IsNotEqual()
    {
        var m = ScenarioWithHands();
        var reversed = m.State with { Queue = [.. m.State.Queue.Reverse()] };

        Assert.False(StateComparer.AreEqual(m.State, reversed));
    }

    [Fact]
    public void StateComparer_SetMemberDiffers_IsNotEqual()
    {
        var m = ScenarioWithHands();
        var changed = m.State with { AskedToSpeak = m.State.AskedToSpeak.Remove(m.P("Ana")).Add(ParticipantId.New()) };

        Assert.Contains("AskedToSpeak", StateComparer.FirstDifference(m.State, changed), StringComparison.Ordinal);
    }

    [Fact]
    public void StateComparer_SetsInAnotherOrder_AreEqual()
    {
        var ids = Enumerable.Range(0, 20).Select(_ => ParticipantId.New()).ToList();
        var forwards = ImmutableHashSet.CreateRange(ids);
        var backwards = ImmutableHashSet.CreateRange(Enumerable.Reverse(ids));

        Assert.True(StateComparer.AreEqual(forwards, backwards));
    }

    [Fact]
    public void StateComparer_DictionaryValueDiffers_IsNotEqual()
    {
        var who = ParticipantId.New();
        var state = MeetingState.Initial(MeetingId.New()) with { AirtimeTotals = ImmutableDictionary<ParticipantId, TimeSpan>.Empty.Add(who, TimeSpan.FromSeconds(30)) };
        var changed = state with { AirtimeTotals = ImmutableDictionary<ParticipantId, TimeSpan>.Empty.Add(who, TimeSpan.FromSeconds(31)) };

        Assert.Contains("AirtimeTotals", StateComparer.FirstDifference(state, changed), StringComparison.Ordinal);
    }

    [Fact]
    public void StateComparer_NestedRecordDiffers_IsNotEqual()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand, TimeSpan.FromMinutes(3)), "Ana", "Ben");
        m.Given(m.RaiseHand("Ben")).NextSpeakerIs("Ben");
        var changed = m.State with { CurrentTurn = m.State.CurrentTurn! with { Status = TurnStatus.Paused } };

        Assert.Contains("CurrentTurn.Status", StateComparer.FirstDifference(m.State, changed), StringComparison.Ordinal);
    }

    [Fact]
    public void StateComparer_EventCauseDiffers_IsNotEqual()
    {
        MeetingEvent first = new HandRaised(ParticipantId.New(), At) { Cause = CommandId.New() };
        var second = first with { Cause = CommandId.New() };

        Assert.Contains("Cause", StateComparer.FirstDifference(first, second), StringComparison.Ordinal);
    }

    [Fact]
    public void StateComparer_ImmutableArrays_CompareByContent()
    {
        ImmutableArray<int> a = [1, 2, 3];
        ImmutableArray<int> b = [1, 2, 3];
        ImmutableArray<int> c = [1, 2, 4];

        Assert.True(StateComparer.AreEqual(a, b));
        Assert.False(StateComparer.AreEqual(a, c));
        Assert.False(StateComparer.AreEqual(a, default(ImmutableArray<int>)));
    }

    [Fact]
    public void StateComparer_EventsHoldingArrays_CompareByContent()
    {
        ImmutableArray<ParticipantId> order = [ParticipantId.New(), ParticipantId.New()];
        var started = new GoRoundStarted(new AgendaItemId(1), order);

        Assert.True(StateComparer.AreEqual(started, new GoRoundStarted(new AgendaItemId(1), [.. order])));
        Assert.False(StateComparer.AreEqual(started, new GoRoundStarted(new AgendaItemId(1), [.. order.Reverse()])));
    }

    private static MeetingScenario ScenarioWithHands()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben", "Cai");
        m.Given(m.RaiseHand("Ana")).WaitSeconds(5).Given(m.RaiseHand("Ben")).WaitSeconds(5).Given(m.RaiseHand("Cai"));
        return m;
    }
}
