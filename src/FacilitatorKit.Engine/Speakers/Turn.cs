namespace FacilitatorKit.Engine.Speakers;

public enum TurnStatus
{
    Speaking,
    Paused,
}

public enum TurnKind
{
    Regular,
    PointOfProcess,
    GoRound,
}

/// <summary>
/// The turn now under way. Airtime counts only while speaking; a pause stops both airtime and the deadline.
/// <see cref="Deadline"/> is an absolute instant on the server's clock, set while speaking with a limit.
/// </summary>
public sealed record Turn(
    TurnId Id,
    ParticipantId Participant,
    AgendaItemId Item,
    TurnKind Kind,
    DateTimeOffset StartedAt,
    TimeSpan? Limit)
{
    public TurnStatus Status { get; init; } = TurnStatus.Speaking;

    /// <summary>Airtime banked before the current speaking stretch began.</summary>
    public TimeSpan BankedAirtime { get; init; } = TimeSpan.Zero;

    /// <summary>When the current speaking stretch began (the start, or the last resume).</summary>
    public DateTimeOffset SpeakingSince { get; init; }

    public DateTimeOffset? Deadline { get; init; }

    public TimeSpan Airtime(DateTimeOffset now) => Status == TurnStatus.Speaking
        ? BankedAirtime + Positive(now - SpeakingSince)
        : BankedAirtime;

    /// <summary>Time left before the limit; negative in overtime; null without a limit.</summary>
    public TimeSpan? Remaining(DateTimeOffset now) => Limit is { } limit ? limit - Airtime(now) : null;

    public TurnClock Clock(DateTimeOffset now) => TurnClock.Of(this, now);

    private static TimeSpan Positive(TimeSpan t) => t > TimeSpan.Zero ? t : TimeSpan.Zero;
}
