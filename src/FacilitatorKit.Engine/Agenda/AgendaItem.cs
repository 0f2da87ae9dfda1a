namespace FacilitatorKit.Engine.Agenda;

/// <summary>
/// An agenda item in a meeting. When it starts, its end becomes an absolute instant, <see cref="EndsAt"/>;
/// everything else about its clock is computed from that and "now".
/// </summary>
public sealed record AgendaItem(
    AgendaItemId Id,
    string Title,
    AgendaItemKind Kind,
    TimeSpan TimeBox,
    TurnPolicy TurnPolicy,
    TimeSpan? TurnLimit,
    TimeSpan? QuietReserve)
{
    public AgendaItemStatus Status { get; init; } = AgendaItemStatus.Pending;

    /// <summary>Minutes added to the time box by the facilitator.</summary>
    public TimeSpan Extension { get; init; } = TimeSpan.Zero;

    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? EndsAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Set when the facilitator opens the quiet-member reserve to everyone.</summary>
    public bool QuietReserveReleased { get; init; }

    public TimeSpan PlannedTime => TimeBox + Extension;

    public static AgendaItem FromPlan(AgendaItemId id, AgendaItemPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(id, plan.Title, plan.Kind, plan.TimeBox, plan.TurnPolicy, plan.TurnLimit, plan.QuietReserve);
    }

    public TimeSpan Elapsed(DateTimeOffset now) => StartedAt is { } start
        ? Max(TimeSpan.Zero, (EndedAt ?? now) - start)
        : TimeSpan.Zero;

    /// <summary>Time left in the time box; zero once it has run out (see <see cref="Overrun"/>).</summary>
    public TimeSpan Remaining(DateTimeOffset now) => Status switch
    {
        AgendaItemStatus.Pending => PlannedTime,
        AgendaItemStatus.Running => Max(TimeSpan.Zero, EndsAt!.Value - now),
        _ => TimeSpan.Zero,
    };

    /// <summary>How far past its time box the item has run (or ran).</summary>
    public TimeSpan Overrun(DateTimeOffset now) => EndsAt is { } end
        ? Max(TimeSpan.Zero, (EndedAt ?? now) - end)
        : TimeSpan.Zero;

    public bool IsInOverrun(DateTimeOffset now) => Status == AgendaItemStatus.Running && now > EndsAt;

    /// <summary>True while the last <see cref="QuietReserve"/> of a running item is kept for people who have not shared.</summary>
    public bool IsQuietReserveActive(DateTimeOffset now) =>
        Status == AgendaItemStatus.Running && QuietReserve is { } reserve && !QuietReserveReleased
        && now >= EndsAt!.Value - reserve;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
