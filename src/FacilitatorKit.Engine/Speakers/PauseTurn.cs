using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Speakers;

/// <summary>Pauses the named turn: airtime and the deadline both stop.</summary>
public sealed record PauseTurn(CommandId Id, TurnId Turn) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => MeetingAction.RunQueue;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.CurrentTurn(state, Turn, out var turn) is { } refusal)
        {
            return refusal;
        }

        return turn.Status == TurnStatus.Paused ? Decision.Accept() : Decision.Accept(new TurnPaused(Turn, now));
    }
}
