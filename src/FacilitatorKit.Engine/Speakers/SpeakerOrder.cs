using FacilitatorKit.Engine.Agenda;

namespace FacilitatorKit.Engine.Speakers;

/// <summary>
/// Who goes next, by the current item's turn policy (DOMAIN.md, rule 2). Points of process always come first.
/// Each person appears once, at their earliest place.
/// </summary>
public static class SpeakerOrder
{
    public static IReadOnlyList<QueueEntry> Of(MeetingState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var ordered = new List<QueueEntry>(state.Queue.Count + (state.Round?.Order.Count ?? 0));
        var seen = new HashSet<ParticipantId>();

        void Take(QueueEntry entry)
        {
            if (seen.Add(entry.Participant))
            {
                ordered.Add(entry);
            }
        }

        foreach (var entry in state.Queue)
        {
            if (entry.Kind == QueueEntryKind.PointOfProcess)
            {
                Take(entry);
            }
        }

        var policy = state.CurrentItem?.TurnPolicy ?? TurnPolicy.RaiseHand;
        if (policy == TurnPolicy.GoRound && state.Round is { } round && state.StartedAt is { } started)
        {
            foreach (var person in round.Waiting(state.CurrentTurn?.Participant))
            {
                Take(new QueueEntry(person, QueueEntryKind.GoRound, started, round.PassedForNow.Contains(person)));
            }
        }

        var hands = state.Queue.Where(e => e.Kind == QueueEntryKind.Hand);
        if (policy == TurnPolicy.Balanced)
        {
            hands = hands.OrderBy(e => BalancedKey.For(state, e, now));
        }

        foreach (var entry in hands)
        {
            Take(entry);
        }

        return ordered;
    }

    /// <summary>
    /// The next person a "next speaker" would start. Someone who stepped out keeps their place but is passed over until
    /// they are back. While an item's quiet-member reserve is on, only people who have not shared in it yet are taken
    /// (a point of process is never held back).
    /// </summary>
    public static QueueEntry? NextEligible(MeetingState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var reserveOn = state.CurrentItem?.IsQuietReserveActive(now) == true;
        foreach (var entry in Of(state, now))
        {
            if (state.IsSteppedOut(entry.Participant))
            {
                continue;
            }

            if (!reserveOn || entry.Kind == QueueEntryKind.PointOfProcess || !state.SharedInCurrentItem.Contains(entry.Participant))
            {
                return entry;
            }
        }

        return null;
    }
}

/// <summary>
/// The balanced order's key, compared in order: not spoken yet in this meeting first, then least airtime here,
/// then least airtime over the group's recent meetings, then whoever raised a hand earliest.
/// </summary>
public readonly record struct BalancedKey(bool HasSpoken, TimeSpan Airtime, TimeSpan RecentAirtime, DateTimeOffset RaisedAt)
    : IComparable<BalancedKey>
{
    public static BalancedKey For(MeetingState state, QueueEntry entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(entry);
        var who = entry.Participant;
        return new(state.HasSpoken(who), state.AirtimeOf(who, now), state.RecentAirtime.GetValueOrDefault(who), entry.QueuedAt);
    }

    public int CompareTo(BalancedKey other)
    {
        var c = HasSpoken.CompareTo(other.HasSpoken);
        if (c == 0)
        {
            c = Airtime.CompareTo(other.Airtime);
        }

        if (c == 0)
        {
            c = RecentAirtime.CompareTo(other.RecentAirtime);
        }

        return c != 0 ? c : RaisedAt.CompareTo(other.RaisedAt);
    }

    public static bool operator <(BalancedKey left, BalancedKey right) => left.CompareTo(right) < 0;
    public static bool operator >(BalancedKey left, BalancedKey right) => left.CompareTo(right) > 0;
    public static bool operator <=(BalancedKey left, BalancedKey right) => left.CompareTo(right) <= 0;
    public static bool operator >=(BalancedKey left, BalancedKey right) => left.CompareTo(right) >= 0;
}
