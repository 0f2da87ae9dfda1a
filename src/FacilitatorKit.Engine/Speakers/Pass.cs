using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Speakers;

/// <summary>The speaker passes: the turn ends with no airtime. In a go-round, that counts as their turn.</summary>
public sealed record Pass(CommandId Id, Actor Actor, TurnId Turn) : MeetingCommand(Id, Actor)
{
    internal override MeetingAction RequiredAction(MeetingState state) =>
        state.CurrentTurn is { } turn && turn.Id == Turn && Actor.Self == turn.Participant
            ? MeetingAction.RaiseOwnHand
            : MeetingAction.RunQueue;

    internal override Decision Decide(MeetingState state, DateTimeOffset now) =>
        Guards.CurrentTurn(state, Turn, out var turn) is { } refusal
            ? refusal
            : Decision.Accept(new TurnEnded(turn.Id, now, TurnOutcome.Passed, TimeSpan.Zero));
}
