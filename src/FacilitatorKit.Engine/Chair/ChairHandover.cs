namespace FacilitatorKit.Engine.Chair;

/// <summary>The chair passed from one person to another (From is null for the chair of the day at set-up).</summary>
public sealed record ChairHandover(ParticipantId? From, ParticipantId To, DateTimeOffset At);
