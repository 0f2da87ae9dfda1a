using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Speakers;

/// <summary>Ends the named turn; its airtime goes into the ledger. Nobody else starts until "Next speaker".</summary>
public sealed record EndTurn(CommandId Id, Actor Actor, TurnId Turn) : MeetingCommand(Id, Actor)
{
    internal override MeetingAction RequiredAction(MeetingState state) => MeetingAction.RunQueue;

    internal override Decision Decide(MeetingState state, DateTimeOffset now) =>
        Guards.CurrentTurn(state, Turn, out var turn) is { } refusal
            ? refusal
            : Decision.Accept(new TurnEnded(turn.Id, now, TurnOutcome.Spoke, turn.Airtime(now)));
}
