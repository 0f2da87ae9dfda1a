using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine;

/// <summary>
/// Something a person asks the meeting to do. Every command carries its id (so a retry is applied once) and, once
/// sent, its actor (who sends it, in which role). Commands that act on a moving part of the meeting name the state
/// they expect, so a stale command from a second device is refused instead of applied twice.
/// </summary>
public abstract record MeetingCommand(CommandId Id)
{
    /// <summary>
    /// Who sends it, in which role. A screen builds a command without it: the application's pipeline stamps it from
    /// the device that sent it, so no screen can act as someone else. A command without an actor is refused.
    /// </summary>
    public Actor? Actor { get; init; }

    /// <summary>The row of the permission table this command needs from this actor.</summary>
    internal abstract MeetingAction RequiredAction(MeetingState state, Actor actor);

    /// <summary>The rule itself: events, or a refusal. Never mutates and never throws for a rule violation.</summary>
    internal abstract Decision Decide(MeetingState state, DateTimeOffset now);
}
