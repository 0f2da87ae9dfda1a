using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Speakers;

/// <summary>
/// "Add a minute" (or more): the named turn's limit and deadline move later. <paramref name="LimitSeen"/> is the limit
/// the sender saw, so two devices pressing "Add a minute" together add one minute, not two.
/// </summary>
public sealed record ExtendTurn(CommandId Id, Actor Actor, TurnId Turn, TimeSpan By, TimeSpan? LimitSeen = null) : MeetingCommand(Id, Actor)
{
    public static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaximumExtension = TimeSpan.FromMinutes(15);

    public static ExtendTurn AddAMinute(CommandId id, Actor actor, TurnId turn) => new(id, actor, turn, OneMinute);

    /// <summary>"Add a minute" to the turn as this device sees it.</summary>
    public static ExtendTurn AddAMinute(CommandId id, Actor actor, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return new(id, actor, turn.Id, OneMinute, turn.Limit);
    }

    internal override MeetingAction RequiredAction(MeetingState state) => MeetingAction.RunQueue;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.CurrentTurn(state, Turn, out var turn) is { } refusal)
        {
            return refusal;
        }

        if (By <= TimeSpan.Zero || By > MaximumExtension)
        {
            return Refusal.Invalid("A turn can be extended by up to 15 minutes at a time.");
        }

        if (turn.Limit is null)
        {
            return Refusal.NotNow("This turn has no time limit, so there is nothing to extend.");
        }

        if (LimitSeen is { } seen && seen != turn.Limit)
        {
            return Refusal.AlreadyChanged("Already changed: this turn was just extended on another device.");
        }

        return Decision.Accept(new TurnExtended(Turn, By, turn.Deadline + By));
    }
}
