using System.Collections.Immutable;

namespace FacilitatorKit.Engine.Speakers;

/// <summary>A go-round in progress on an agenda item. <see cref="Order"/> is everyone in the round, in speaking order.</summary>
public sealed record GoRound(AgendaItemId Item, ImmutableList<ParticipantId> Order)
{
    /// <summary>Who has had their turn in this round, or passed.</summary>
    public ImmutableHashSet<ParticipantId> Done { get; init; } = [];

    /// <summary>Who said "pass for now" in this round: they were moved to its end, once.</summary>
    public ImmutableHashSet<ParticipantId> PassedForNow { get; init; } = [];

    /// <summary>Who is still to have their turn, in order, leaving out the person speaking now.</summary>
    public IEnumerable<ParticipantId> Waiting(ParticipantId? speaking) => Order.Where(p => !Done.Contains(p) && p != speaking);

    /// <summary>The round ends when everyone has had a turn or passed.</summary>
    public bool IsComplete => Order.All(Done.Contains);
}
