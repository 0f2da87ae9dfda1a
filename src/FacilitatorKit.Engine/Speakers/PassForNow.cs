using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Speakers;

/// <summary>In a go-round, the speaker passes for now: no airtime, and they move to the end of this round, once.</summary>
public sealed record PassForNow(CommandId Id, TurnId Turn) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => Guards.OwnTurnOrRunQueue(state, Turn, actor);

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.CurrentTurn(state, Turn, out var turn) is { } refusal)
        {
            return refusal;
        }

        if (turn.Kind != TurnKind.GoRound || state.Round is null)
        {
            return new Refusal(RefusalReason.PassForNowOnlyInGoRound);
        }

        if (state.Round.PassedForNow.Contains(turn.Participant))
        {
            return new Refusal(RefusalReason.AlreadyPassedForNow) { Person = turn.Participant };
        }

        if (turn.Airtime(now) > Pass.Grace)
        {
            return new Refusal(RefusalReason.AlreadySpokeInRound) { Person = turn.Participant };
        }

        return Decision.Accept(new TurnEnded(turn.Id, now, TurnOutcome.PassedForNow, TimeSpan.Zero));
    }
}
