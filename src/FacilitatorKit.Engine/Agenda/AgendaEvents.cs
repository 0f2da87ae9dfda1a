using System.Collections.Immutable;
using FacilitatorKit.Engine.Speakers;

namespace FacilitatorKit.Engine.Agenda;

public sealed record AgendaItemAdded(AgendaItemPlan Plan, int Index) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state)
    {
        var id = new AgendaItemId(state.LastItemNumber + 1);
        return state with { Agenda = state.Agenda.Insert(Index, AgendaItem.FromPlan(id, Plan)), LastItemNumber = id.Value };
    }
}

public sealed record AgendaItemRemoved(AgendaItemId Item) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state) =>
        state with { Agenda = state.Agenda.RemoveAt(state.IndexOfItem(Item)) };
}

public sealed record AgendaItemMoved(AgendaItemId Item, int ToIndex) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state)
    {
        var from = state.IndexOfItem(Item);
        var item = state.Agenda[from];
        return state with { Agenda = state.Agenda.RemoveAt(from).Insert(ToIndex, item) };
    }
}

public sealed record AgendaItemSkipped(AgendaItemId Item) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state) =>
        state.WithItem(Item, i => i with { Status = AgendaItemStatus.Skipped });
}

/// <summary>The time box grew. For a running item its end instant moves by the same amount.</summary>
public sealed record AgendaItemExtended(AgendaItemId Item, TimeSpan By) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state) =>
        state.WithItem(Item, i => i with { Extension = i.Extension + By, EndsAt = i.EndsAt + By });
}

/// <summary>An item began. Its end is fixed as an absolute instant; hands raised for the last item do not carry over.</summary>
public sealed record AgendaItemStarted(AgendaItemId Item, DateTimeOffset At, DateTimeOffset EndsAt) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state) =>
        state.WithItem(Item, i => i with { Status = AgendaItemStatus.Running, StartedAt = At, EndsAt = EndsAt }) with
        {
            CurrentItemId = Item,
            Queue = [],
            Round = null,
            SharedInCurrentItem = [],
        };
}

public sealed record AgendaItemEnded(AgendaItemId Item, DateTimeOffset At) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state) =>
        state.WithItem(Item, i => i with { Status = AgendaItemStatus.Done, EndedAt = At }) with
        {
            CurrentItemId = null,
            Queue = [],
            Round = null,
            SharedInCurrentItem = [],
        };
}

/// <summary>The turn order of an item changed. Leaving a go-round ends the round; its people are not queued any more.</summary>
public sealed record TurnPolicyChanged(AgendaItemId Item, TurnPolicy Policy) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state)
    {
        var next = state.WithItem(Item, i => i with { TurnPolicy = Policy });
        return Policy != TurnPolicy.GoRound && state.Round?.Item == Item ? next with { Round = null } : next;
    }
}

/// <summary>The per-turn limit for the item's next turns changed; null means no limit.</summary>
public sealed record TurnLimitChanged(AgendaItemId Item, TimeSpan? Limit) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state) =>
        state.WithItem(Item, i => i with { TurnLimit = Limit });
}

public sealed record QuietReserveReleased(AgendaItemId Item) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state) =>
        state.WithItem(Item, i => i with { QuietReserveReleased = true });
}

/// <summary>A go-round began on the item, in this speaking order.</summary>
public sealed record GoRoundStarted(AgendaItemId Item, ImmutableArray<ParticipantId> Order) : MeetingEvent
{
    // Events compare as values, so the order compares by its contents, not by array reference.
    public bool Equals(GoRoundStarted? other) =>
        other is not null && Cause == other.Cause && Item == other.Item && Order.SequenceEqual(other.Order);

    public override int GetHashCode() => HashCode.Combine(Cause, Item, Order.Length);

    internal override MeetingState ApplyTo(MeetingState state) =>
        state with { Round = new GoRound(Item, [.. Order]) };
}

internal static class AgendaStateExtensions
{
    public static MeetingState WithItem(this MeetingState state, AgendaItemId id, Func<AgendaItem, AgendaItem> change)
    {
        var index = state.IndexOfItem(id);
        return state with { Agenda = state.Agenda.SetItem(index, change(state.Agenda[index])) };
    }
}
