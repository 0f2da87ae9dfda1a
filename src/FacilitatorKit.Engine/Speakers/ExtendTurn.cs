using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Speakers;

/// <summary>
/// "Add a minute" (or more): the named turn's limit and deadline move later. <paramref name="LimitSeen"/> is the limit
/// the sender saw, so two devices pressing "Add a minute" together add one minute, not two.
/// </summary>
public sealed record ExtendTurn(CommandId Id, TurnId Turn, TimeSpan By, TimeSpan? LimitSeen = null) : MeetingCommand(Id)
{
    public static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);

    public static ExtendTurn AddAMinute(CommandId id, TurnId turn) => new(id, turn, OneMinute);

    /// <summary>"Add a minute" to the turn as this device sees it.</summary>
    public static ExtendTurn AddAMinute(CommandId id, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return new(id, turn.Id, OneMinute, turn.Limit);
    }

    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => MeetingAction.RunQueue;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.CurrentTurn(state, Turn, out var turn) is { } refusal)
        {
            return refusal;
        }

        if (By < Limits.ShortestTurnExtension || By > Limits.LongestTurnExtension)
        {
            return new Refusal(RefusalReason.TurnExtensionOutOfRange) { Duration = Limits.ShortestTurnExtension, Limit = Limits.LongestTurnExtension };
        }

        if (turn.Limit is null)
        {
            return new Refusal(RefusalReason.TurnHasNoLimit);
        }

        if (LimitSeen is { } seen && seen != turn.Limit)
        {
            return new Refusal(RefusalReason.TurnAlreadyExtended);
        }

        return Decision.Accept(new TurnExtended(Turn, By, turn.Deadline + By));
    }
}
