namespace FacilitatorKit.Engine;

/// <summary>A fact about a meeting. Applying events is pure: the same events always rebuild the same state.</summary>
public abstract record MeetingEvent
{
    /// <summary>The command that caused this event, so a retried command is recognised after a replay.</summary>
    public CommandId Cause { get; init; }

    internal abstract MeetingState ApplyTo(MeetingState state);
}
