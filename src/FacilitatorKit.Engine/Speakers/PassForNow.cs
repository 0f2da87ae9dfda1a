using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Speakers;

/// <summary>In a go-round, the speaker passes for now: no airtime, and they move to the end of this round, once.</summary>
public sealed record PassForNow(CommandId Id, Actor Actor, TurnId Turn) : MeetingCommand(Id, Actor)
{
    internal override MeetingAction RequiredAction(MeetingState state) => Guards.OwnTurnOrRunQueue(state, Turn, Actor);

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.CurrentTurn(state, Turn, out var turn) is { } refusal)
        {
            return refusal;
        }

        if (turn.Kind != TurnKind.GoRound || state.Round is null)
        {
            return Refusal.NotNow("Pass for now is for a go-round. Use Pass instead.");
        }

        if (state.Round.PassedForNow.Contains(turn.Participant))
        {
            return Refusal.NotNow($"{state.NameOf(turn.Participant)} has already passed for now in this round. They can speak or pass.");
        }

        if (turn.Airtime(now) > Pass.Grace)
        {
            return Refusal.NotNow($"{state.NameOf(turn.Participant)} has already spoken in this round. Use End turn.");
        }

        return Decision.Accept(new TurnEnded(turn.Id, now, TurnOutcome.PassedForNow, TimeSpan.Zero));
    }
}
