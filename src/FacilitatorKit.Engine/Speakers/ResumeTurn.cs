using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Speakers;

/// <summary>Resumes the named turn: airtime runs again, and the deadline is set from the time that was left.</summary>
public sealed record ResumeTurn(CommandId Id, TurnId Turn) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => MeetingAction.RunQueue;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.CurrentTurn(state, Turn, out var turn) is { } refusal)
        {
            return refusal;
        }

        return turn.Status == TurnStatus.Speaking
            ? Decision.Accept()
            : Decision.Accept(new TurnResumed(Turn, now, now + turn.Remaining(now)));
    }
}
