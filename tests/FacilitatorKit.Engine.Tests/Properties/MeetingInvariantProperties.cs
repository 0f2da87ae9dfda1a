using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Fairness;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Engine.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace FacilitatorKit.Engine.Tests.Properties;

/// <summary>
/// The engine's invariants (issue 2, section 3), checked after every step of random meetings: random small groups
/// in the peer support circle format, random commands from random senders, and a clock that moves forward.
/// </summary>
public class MeetingInvariantProperties
{
    private const int Cases = 200;

    [Fact]
    public void Airtime_AnyCommandSequence_IsNeverNegative() => ForAnyMeeting(script =>
        MeetingRun.Play(script, (run, _) =>
        {
            var state = run.State;
            foreach (var record in state.Ledger)
            {
                Assert.True(record.Airtime >= TimeSpan.Zero, $"{record.Turn} has negative airtime {record.Airtime}.");
                if (record.Outcome != TurnOutcome.Spoke)
                {
                    Assert.True(record.Airtime == TimeSpan.Zero, $"{record.Turn} was a pass ({record.Outcome}) but has airtime {record.Airtime}.");
                }
            }

            Assert.All(state.AirtimeTotals.Values, total => Assert.True(total >= TimeSpan.Zero));
            if (state.CurrentTurn is { } turn)
            {
                Assert.True(turn.Airtime(run.Now) >= TimeSpan.Zero);
                Assert.True(turn.BankedAirtime >= TimeSpan.Zero);
            }

            Assert.All(state.Participants, p => Assert.True(state.AirtimeOf(p.Id, run.Now) >= TimeSpan.Zero));
            Assert.All(Balance.ForMeeting(state, run.Now).Participants, row => Assert.True(row.Airtime >= TimeSpan.Zero && row.Share >= 0));
        }));

    [Fact]
    public void Airtime_AnyCommandSequence_LedgerTotalsEqualTheSumOfTheTurns() => ForAnyMeeting(script =>
    {
        var stretches = new SpeakingStretches();
        MeetingRun.Play(script, (run, _) =>
        {
            var state = run.State;
            stretches.Follow(run.Events, run.Now);

            var spoken = state.Ledger.Where(t => t.Outcome == TurnOutcome.Spoke).ToList();
            var perPerson = spoken.GroupBy(t => t.Participant).ToDictionary(g => g.Key, g => Sum(g.Select(t => t.Airtime)));
            Assert.Equal(perPerson.Keys.ToHashSet(), state.AirtimeTotals.Keys.ToHashSet());
            Assert.All(perPerson, kv => Assert.Equal(kv.Value, state.AirtimeTotals[kv.Key]));

            var underWay = state.CurrentTurn?.Airtime(run.Now) ?? TimeSpan.Zero;
            Assert.Equal(stretches.UnderWay, underWay);

            var report = Balance.ForMeeting(state, run.Now);
            Assert.Equal(Sum(spoken.Select(t => t.Airtime)) + underWay, report.TotalAirtime);
            Assert.Equal(report.TotalAirtime, Sum(report.Participants.Select(r => r.Airtime)));
            Assert.All(report.Participants, r => Assert.Equal(state.AirtimeOf(r.Participant, run.Now), r.Airtime));
        });
    });

    [Fact]
    public void Airtime_AnyCommandSequence_EachTurnCountsOnlyItsSpeakingTime() => ForAnyMeeting(script =>
    {
        var stretches = new SpeakingStretches();
        MeetingRun.Play(script, (run, _) => stretches.Follow(run.Events, run.Now));
        Assert.Equal(stretches.Ended, stretches.Recorded);
    });

    [Fact]
    public void FairnessReport_AnyCommandSequence_AddsUpAndNudgesByTheThreshold() => ForAnyMeeting(script =>
        MeetingRun.Play(script, (run, _) =>
        {
            var state = run.State;
            var report = Balance.ForMeeting(state, run.Now);
            var ledger = MeetingLedger.Of(state, run.Now);
            bool Spoke(ParticipantId p) => ledger.Turns.Any(t => t.Participant == p && t.Outcome == TurnOutcome.Spoke);

            var expectedRows = state.Participants.Where(p => p.IsPresent || ledger.Turns.Any(t => t.Participant == p.Id)).Select(p => p.Id);
            Assert.Equal(expectedRows, report.Participants.Select(r => r.Participant)); // seating order, never ranked

            var askers = report.Participants.Count(r => Spoke(r.Participant) || state.AskedToSpeak.Contains(r.Participant));
            Assert.Equal(askers == 0 ? TimeSpan.Zero : report.TotalAirtime / askers, report.FairShare);
            Assert.Equal(report.Participants.Where(r => !Spoke(r.Participant)).Select(r => r.Participant), report.NotSpokenYet);

            Assert.InRange(report.BalanceIndex, 0, 1);
            Assert.Equal(Balance.Gini([.. report.Participants.Select(r => r.Airtime.TotalSeconds)]), report.BalanceIndex, 12);
            if (report.TotalAirtime > TimeSpan.Zero)
            {
                Assert.Equal(1, report.Participants.Sum(r => r.Share), 9);
            }

            var expectedNudges = report.Participants
                .Where(r => report.FairShare > TimeSpan.Zero && r.Airtime >= TimeSpan.FromMinutes(2) && r.Airtime > report.FairShare * 2)
                .Select(r => r.Participant);
            Assert.Equal(expectedNudges, report.Nudges.Select(n => n.Participant));
        }));

    [Fact]
    public void Replay_AnyCommandSequence_EqualsLiveState() => ForAnyMeeting(script =>
    {
        var run = MeetingRun.Play(script, (run, result) =>
        {
            if (result.Decision is { IsAccepted: true, Events.Count: > 0 })
            {
                StateComparer.AssertEqual(run.State, Meeting.Replay(run.Id, run.Events), "replayed");
            }
        });

        // Restored from a snapshot part-way through, then the rest of the log: the same state again.
        var half = run.Events.Count / 2;
        var resumed = Meeting.Apply(Meeting.Replay(run.Id, run.Events.Take(half)), run.Events.Skip(half));
        StateComparer.AssertEqual(run.State, resumed, "resumed");
        Assert.Equal(run.Events.Count, run.State.Version);
    });

    [Fact]
    public void Queue_AnyCommandSequence_NeverHoldsAPersonTwice() => ForAnyMeeting(script =>
        MeetingRun.Play(script, (run, _) =>
        {
            var state = run.State;
            var queued = state.Queue.Select(e => e.Participant).ToList();
            Assert.True(queued.Count == queued.Distinct().Count(), $"The queue holds someone twice: {string.Join(", ", queued)}");

            var order = state.SpeakerOrder(run.Now).Select(e => e.Participant).ToList();
            Assert.True(order.Count == order.Distinct().Count(), $"The speaker order holds someone twice: {string.Join(", ", order)}");

            // Someone who left is taken out of the queue and the go-round.
            Assert.All(order, who => Assert.True(state.IsPresent(who), $"{who} left but is still waiting to speak."));
        }));

    [Fact]
    public void BalancedOrder_AnyCommandSequence_RespectsTheBalancedKey()
    {
        var comparedOrders = 0;
        var checkedStarts = 0;
        ForAnyMeeting(script =>
            MeetingRun.Play(script, (run, result) =>
            {
                var state = run.State;
                if (state.CurrentItem?.TurnPolicy == TurnPolicy.Balanced)
                {
                    var order = state.SpeakerOrder(run.Now);
                    var points = order.TakeWhile(e => e.Kind == QueueEntryKind.PointOfProcess).Count();
                    var hands = order.Skip(points).ToList();
                    Assert.All(hands, e => Assert.Equal(QueueEntryKind.Hand, e.Kind)); // points of process come first

                    for (var i = 1; i < hands.Count; i++)
                    {
                        var (before, after) = (hands[i - 1], hands[i]);
                        Assert.True(BalancedKey.For(state, before, run.Now) <= BalancedKey.For(state, after, run.Now), $"{before.Participant} is before {after.Participant} against the balanced key.");
                        Assert.True(ExpectedKey(state, before, run.Now).CompareTo(ExpectedKey(state, after, run.Now)) <= 0, $"{before.Participant} is before {after.Participant} against the balanced order of DOMAIN.md.");
                    }

                    comparedOrders += hands.Count >= 2 ? 1 : 0;
                }

                if (result is { Command: NextSpeaker, Decision.IsAccepted: true } && result.Before.CurrentItem?.TurnPolicy == TurnPolicy.Balanced
                    && result.Decision.Events.OfType<TurnStarted>().SingleOrDefault() is { Kind: TurnKind.Regular } started)
                {
                    // The person started had the smallest key among the hands that could be taken.
                    var was = result.Before;
                    var reserve = was.CurrentItem!.IsQuietReserveActive(run.Now);
                    var candidates = was.Queue.Where(e => e.Kind == QueueEntryKind.Hand && (!reserve || !was.SharedInCurrentItem.Contains(e.Participant))).ToList();
                    var chosen = Assert.Single(candidates, e => e.Participant == started.Participant);
                    Assert.All(candidates, other => Assert.True(ExpectedKey(was, chosen, run.Now).CompareTo(ExpectedKey(was, other, run.Now)) <= 0));
                    checkedStarts++;
                }
            }));

        // Guard against a vacuous pass: the generator must reach the balanced item with people waiting.
        Assert.True(comparedOrders >= 100 && checkedStarts >= 25, $"Only {comparedOrders} balanced orders with two or more hands and {checkedStarts} balanced next speakers were checked.");
    }

    [Fact]
    public void Decide_AnyCommandSequence_NeverChangesTheStateItIsGiven() => ForAnyMeeting(script =>
        MeetingRun.Play(script, beforeEachDecide: (run, command) =>
        {
            var state = run.State;
            var snapshot = StateComparer.Snapshot(state);

            var first = Meeting.Decide(state, command, run.Now);
            var second = Meeting.Decide(state, command, run.Now);

            Assert.Same(state, run.State);
            Assert.Equal(snapshot, StateComparer.Snapshot(state));
            StateComparer.AssertEqual(first, second, "decision"); // and deciding is deterministic
        }));

    [Fact]
    public void Retry_AnyAcceptedCommand_IsAppliedOnce() => ForAnyMeeting(script =>
    {
        StepResult? previous = null;
        MeetingRun.Play(script, (run, result) =>
        {
            if (result.Step.Act == Act.Retry && previous?.Decision is { IsAccepted: true, Events.Count: > 0 })
            {
                Assert.True(result.Decision!.WasDuplicate, $"Retrying {result.Command} was not recognised as a duplicate.");
                Assert.Empty(result.Decision.Events);
            }

            previous = result.Command is null ? previous : result;
        });
    });

    private static void ForAnyMeeting(Action<MeetingScript> property) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases), Prop.ForAll(MeetingScripts.Arbitrary, property));

    /// <summary>DOMAIN.md's balanced order, worked out from the ledger: not spoken yet, least airtime here, least recently, earliest hand.</summary>
    private static (bool HasSpoken, TimeSpan Airtime, TimeSpan Recent, DateTimeOffset RaisedAt) ExpectedKey(MeetingState state, QueueEntry entry, DateTimeOffset now)
    {
        var who = entry.Participant;
        var speaking = state.CurrentTurn?.Participant == who;
        var spoken = state.Ledger.Where(t => t.Participant == who && t.Outcome == TurnOutcome.Spoke).ToList();
        var airtime = Sum(spoken.Select(t => t.Airtime)) + (speaking ? state.CurrentTurn!.Airtime(now) : TimeSpan.Zero);
        return (spoken.Count > 0 || speaking, airtime, state.RecentAirtime.GetValueOrDefault(who), entry.QueuedAt);
    }

    private static TimeSpan Sum(IEnumerable<TimeSpan> spans) => spans.Aggregate(TimeSpan.Zero, (a, b) => a + b);

    /// <summary>
    /// An independent model of airtime, from the events alone: a turn's airtime is the sum of its speaking stretches
    /// (start or resume, to pause or end).
    /// </summary>
    private sealed class SpeakingStretches
    {
        private int _seen;
        private TimeSpan _banked;
        private DateTimeOffset? _speakingSince;
        private DateTimeOffset _now;

        public List<TimeSpan> Ended { get; } = [];
        public List<TimeSpan> Recorded { get; } = [];

        public TimeSpan UnderWay => _banked + (_speakingSince is { } since ? _now - since : TimeSpan.Zero);

        public void Follow(IReadOnlyList<MeetingEvent> events, DateTimeOffset now)
        {
            for (; _seen < events.Count; _seen++)
            {
                switch (events[_seen])
                {
                    case TurnStarted e:
                        (_banked, _speakingSince) = (TimeSpan.Zero, e.At);
                        break;
                    case TurnPaused e:
                        (_banked, _speakingSince) = (_banked + (e.At - _speakingSince!.Value), null);
                        break;
                    case TurnResumed e:
                        _speakingSince = e.At;
                        break;
                    case TurnEnded e:
                        var spoken = _banked + (_speakingSince is { } since ? e.At - since : TimeSpan.Zero);
                        Ended.Add(e.Outcome == TurnOutcome.Spoke ? spoken : TimeSpan.Zero);
                        Recorded.Add(e.Airtime);
                        (_banked, _speakingSince) = (TimeSpan.Zero, null);
                        break;
                }
            }

            _now = now;
        }
    }
}
