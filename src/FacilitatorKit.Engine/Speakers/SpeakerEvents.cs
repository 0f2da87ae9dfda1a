using FacilitatorKit.Engine.Agenda;

namespace FacilitatorKit.Engine.Speakers;

public sealed record HandRaised(ParticipantId Participant, DateTimeOffset At) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state) => state with
    {
        Queue = state.Queue.Add(new QueueEntry(Participant, QueueEntryKind.Hand, At)),
        AskedToSpeak = state.AskedToSpeak.Add(Participant),
    };
}

/// <summary>Someone left the queue (their hand went down, or they were taken out of the go-round).</summary>
public sealed record HandLowered(ParticipantId Participant) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state) => state.WithoutQueued(Participant);
}

/// <summary>A facilitator role put someone at the front, for a process point or a safety concern.</summary>
public sealed record PointOfProcessRaised(ParticipantId Participant, DateTimeOffset At) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state) => state with
    {
        Queue = state.Queue.RemoveAll(e => e.Participant == Participant)
            .Add(new QueueEntry(Participant, QueueEntryKind.PointOfProcess, At)),
        AskedToSpeak = state.AskedToSpeak.Add(Participant),
    };
}

/// <summary>A turn began. With a limit, its deadline is an absolute instant.</summary>
public sealed record TurnStarted(
    TurnId Turn,
    ParticipantId Participant,
    AgendaItemId Item,
    TurnKind Kind,
    DateTimeOffset At,
    TimeSpan? Limit,
    DateTimeOffset? Deadline) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state)
    {
        var index = state.Queue.FindIndex(e => e.Participant == Participant);
        return state with
        {
            CurrentTurn = new Speakers.Turn(Turn, Participant, Item, Kind, At, Limit) { SpeakingSince = At, Deadline = Deadline },
            Queue = state.Queue.RemoveAll(e => e.Participant == Participant),
            LastTurnNumber = Turn.Value,
            LastSpeakerChange = new SpeakerChange(
                Turn, At, index >= 0 ? state.Queue[index] : null, index, state.JustEnded is { } ended && ended.At == At ? ended : null),
            JustEnded = null,
        };
    }
}

/// <summary>The turn was paused: airtime and the deadline both stop.</summary>
public sealed record TurnPaused(TurnId Turn, DateTimeOffset At) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state)
    {
        var turn = state.CurrentTurn!;
        return state with
        {
            CurrentTurn = turn with { Status = TurnStatus.Paused, BankedAirtime = turn.Airtime(At), Deadline = null },
        };
    }
}

public sealed record TurnResumed(TurnId Turn, DateTimeOffset At, DateTimeOffset? Deadline) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state) => state with
    {
        CurrentTurn = state.CurrentTurn! with { Status = TurnStatus.Speaking, SpeakingSince = At, Deadline = Deadline },
    };
}

/// <summary>"Add a minute": the turn's limit grew, and so did its deadline while speaking.</summary>
public sealed record TurnExtended(TurnId Turn, TimeSpan By, DateTimeOffset? Deadline) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state) => state with
    {
        CurrentTurn = state.CurrentTurn! with { Limit = state.CurrentTurn.Limit + By, Deadline = Deadline },
    };
}

/// <summary>A turn ended. <see cref="Airtime"/> is what goes into the ledger: zero for a pass.</summary>
public sealed record TurnEnded(TurnId Turn, DateTimeOffset At, TurnOutcome Outcome, TimeSpan Airtime) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state)
    {
        var turn = state.CurrentTurn!;
        var who = turn.Participant;
        var spoke = Outcome == TurnOutcome.Spoke;

        // A process point or safety concern is not a share: the quiet-member reserve still keeps time for them.
        var shared = spoke && turn.Kind != TurnKind.PointOfProcess;
        return state with
        {
            CurrentTurn = null,
            LastSpeakerChange = null,
            JustEnded = new EndedTurn(
                turn, At, state.AirtimeTotals.TryGetValue(who, out var before) ? before : null,
                shared && !state.SharedInCurrentItem.Contains(who), state.Round),
            Ledger = state.Ledger.Add(new TurnRecord(Turn, who, turn.Item, turn.Kind, Outcome, Airtime)),
            AirtimeTotals = spoke ? state.AirtimeTotals.SetItem(who, state.AirtimeTotals.GetValueOrDefault(who) + Airtime) : state.AirtimeTotals,
            SharedInCurrentItem = shared ? state.SharedInCurrentItem.Add(who) : state.SharedInCurrentItem,
            Round = turn.Kind == TurnKind.GoRound && state.Round is { } round ? AfterTurn(round, who) : state.Round,
        };
    }

    private GoRound AfterTurn(GoRound round, ParticipantId who) => Outcome == TurnOutcome.PassedForNow
        ? round with { Order = round.Order.Remove(who).Add(who), PassedForNow = round.PassedForNow.Add(who) }
        : round with { Done = round.Done.Add(who) };
}

/// <summary>
/// The last change of speaker was taken back: the turn it started is gone (no airtime, nobody marked as having spoken
/// by it) and its person waits where they were; the turn it ended, if any, is under way again, with the airtime and
/// the time left it had, and its record is out of the ledger.
/// </summary>
public sealed record SpeakerChangeUndone(TurnId Started, DateTimeOffset At) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state)
    {
        var change = state.LastSpeakerChange!;
        var queue = change.Entry is { } entry
            ? state.Queue.Insert(Math.Min(change.EntryIndex, state.Queue.Count), entry)
            : state.Queue;
        var restored = state with { CurrentTurn = null, LastSpeakerChange = null, JustEnded = null, Queue = queue };
        if (change.Ended is not { } ended)
        {
            return restored;
        }

        var turn = ended.Turn;
        var who = turn.Participant;
        var banked = turn.Airtime(ended.At);
        var resumed = turn.Status == TurnStatus.Speaking
            ? turn with
            {
                BankedAirtime = banked,
                SpeakingSince = At,
                Deadline = turn.Limit is { } limit ? At + (limit - banked) : null,
            }
            : turn;
        return restored with
        {
            CurrentTurn = resumed,
            Queue = restored.Queue.RemoveAll(e => e.Participant == who),
            Ledger = restored.Ledger.RemoveAll(r => r.Turn == turn.Id),
            AirtimeTotals = ended.AirtimeBefore is { } before
                ? restored.AirtimeTotals.SetItem(who, before)
                : restored.AirtimeTotals.Remove(who),
            SharedInCurrentItem = ended.AddedShared ? restored.SharedInCurrentItem.Remove(who) : restored.SharedInCurrentItem,
            Round = ended.RoundBefore,
        };
    }
}

internal static class QueueStateExtensions
{
    /// <summary>Takes someone out of the queue and out of the go-round's waiting list.</summary>
    public static MeetingState WithoutQueued(this MeetingState state, ParticipantId who) => state with
    {
        Queue = state.Queue.RemoveAll(e => e.Participant == who),
        Round = state.Round is { } round && !round.Done.Contains(who) ? round with { Order = round.Order.Remove(who) } : state.Round,
    };
}
