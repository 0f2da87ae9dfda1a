using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Speakers;

/// <summary>Ends the named turn; its airtime goes into the ledger. Nobody else starts until "Next speaker".</summary>
public sealed record EndTurn(CommandId Id, TurnId Turn) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => MeetingAction.RunQueue;

    internal override Decision Decide(MeetingState state, DateTimeOffset now) =>
        Guards.CurrentTurn(state, Turn, out var turn) is { } refusal
            ? refusal
            : Decision.Accept(new TurnEnded(turn.Id, now, TurnOutcome.Spoke, turn.Airtime(now)));
}
