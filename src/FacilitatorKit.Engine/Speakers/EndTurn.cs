using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Speakers;

/// <summary>Ends the named turn; its airtime goes into the ledger. Nobody else starts until "Next speaker".</summary>
public sealed record EndTurn(CommandId Id, TurnId Turn) : MeetingCommand(Id)
{
    /// <summary>
    /// Set by a press on a screen: a turn that began less than <see cref="Limits.JustStarted"/> ago is not ended, and
    /// the device is asked (<see cref="RefusalReason.TurnJustStarted"/>). Sent again without it, the turn ends.
    /// </summary>
    public bool AsksIfJustStarted { get; init; }

    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => MeetingAction.RunQueue;

    internal override Decision Decide(MeetingState state, DateTimeOffset now) =>
        (Guards.CurrentTurn(state, Turn, out var turn) ?? Guards.NotJustStarted(turn, AsksIfJustStarted, now)) is { } refusal
            ? refusal
            : Decision.Accept(new TurnEnded(turn.Id, now, TurnOutcome.Spoke, turn.Airtime(now)));
}
