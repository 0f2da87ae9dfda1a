using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Speakers;

/// <summary>Pauses the named turn: airtime and the deadline both stop.</summary>
public sealed record PauseTurn(CommandId Id, Actor Actor, TurnId Turn) : MeetingCommand(Id, Actor)
{
    internal override MeetingAction RequiredAction(MeetingState state) => MeetingAction.RunQueue;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.CurrentTurn(state, Turn, out var turn) is { } refusal)
        {
            return refusal;
        }

        return turn.Status == TurnStatus.Paused ? Decision.Accept() : Decision.Accept(new TurnPaused(Turn, now));
    }
}
