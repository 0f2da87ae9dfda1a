using System.Collections.Immutable;
using FacilitatorKit.Engine.Speakers;

namespace FacilitatorKit.Engine.Fairness;

/// <summary>One meeting's airtime ledger, as the group's history keeps it.</summary>
public sealed record MeetingLedger(
    MeetingId Meeting,
    DateTimeOffset HeldOn,
    ImmutableArray<TurnRecord> Turns,
    ImmutableArray<ParticipantId> Attended,
    ImmutableHashSet<ParticipantId> AskedToSpeak)
{
    /// <summary>The ledger of a meeting as it stands (a turn under way counts with its airtime so far).</summary>
    public static MeetingLedger Of(MeetingState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var turns = state.Ledger.ToBuilder();
        if (state.CurrentTurn is { } turn)
        {
            turns.Add(new TurnRecord(turn.Id, turn.Participant, turn.Item, turn.Kind, TurnOutcome.Spoke, turn.Airtime(now)));
        }

        return new(state.Id, state.StartedAt ?? now, [.. turns], [.. state.PresentParticipants.Select(p => p.Id)], state.AskedToSpeak);
    }

    /// <summary>Airtime per person over these meetings: the third key of the balanced order.</summary>
    public static ImmutableDictionary<ParticipantId, TimeSpan> AirtimeOver(IEnumerable<MeetingLedger> meetings)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        var totals = ImmutableDictionary.CreateBuilder<ParticipantId, TimeSpan>();
        foreach (var record in meetings.SelectMany(m => m.Turns).Where(t => t.Outcome == TurnOutcome.Spoke))
        {
            totals[record.Participant] = totals.GetValueOrDefault(record.Participant) + record.Airtime;
        }

        return totals.ToImmutable();
    }
}
