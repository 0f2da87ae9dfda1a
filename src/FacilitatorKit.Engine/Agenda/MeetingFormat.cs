using System.Collections.Immutable;

namespace FacilitatorKit.Engine.Agenda;

/// <summary>A named, reusable agenda, such as "Peer support circle".</summary>
public sealed record MeetingFormat(string Name, ImmutableArray<AgendaItemPlan> Items)
{
    public TimeSpan TotalTime => Items.Aggregate(TimeSpan.Zero, (sum, item) => sum + item.TimeBox);
}
