using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine;

/// <summary>
/// The meeting engine's two pure functions. Every command goes through one fixed pipeline:
/// already handled? → permitted? → decide → events stamped with their cause.
/// </summary>
public static class Meeting
{
    public static Decision Decide(MeetingState state, MeetingCommand command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);

        if (state.HandledCommands.Contains(command.Id))
        {
            return Decision.Duplicate;
        }

        if (Authorize(state, command) is { } refusal)
        {
            return refusal;
        }

        return command.Decide(state, now).StampedWith(command.Id);
    }

    /// <summary>
    /// The first two steps of the pipeline on their own, for a caller that validates input in between:
    /// null when the command may go on to be decided (or was handled before), otherwise why not.
    /// </summary>
    public static Refusal? Authorize(MeetingState state, MeetingCommand command)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        if (state.HandledCommands.Contains(command.Id))
        {
            return null;
        }

        return command.Actor is { } actor
            ? Permissions.Check(actor, command.RequiredAction(state, actor))
            : new Refusal(RefusalReason.RoleMayNot);
    }

    public static MeetingState Apply(MeetingState state, MeetingEvent @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(@event);
        var next = @event.ApplyTo(state);
        return next with
        {
            Version = state.Version + 1,
            HandledCommands = @event.Cause == default ? next.HandledCommands : next.HandledCommands.Add(@event.Cause),
        };
    }

    public static MeetingState Apply(MeetingState state, IEnumerable<MeetingEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            state = Apply(state, e);
        }

        return state;
    }

    /// <summary>Rebuilds a meeting's state from its event log.</summary>
    public static MeetingState Replay(MeetingId id, IEnumerable<MeetingEvent> events) => Apply(MeetingState.Initial(id), events);
}
