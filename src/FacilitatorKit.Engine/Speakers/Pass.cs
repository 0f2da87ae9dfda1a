using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Speakers;

/// <summary>
/// The speaker passes: the turn ends with no airtime. In a go-round, that counts as their turn. Someone who has
/// already spoken for longer than <see cref="Grace"/> has not passed: their turn ends as spoken, with its airtime,
/// so a late "pass" can never wipe real speaking time from the balance.
/// </summary>
public sealed record Pass(CommandId Id, TurnId Turn) : MeetingCommand(Id)
{
    /// <summary>Long enough to say "I'll pass, thanks"; anything longer was speaking.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(15);

    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => Guards.OwnTurnOrRunQueue(state, Turn, actor);

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.CurrentTurn(state, Turn, out var turn) is { } refusal)
        {
            return refusal;
        }

        var airtime = turn.Airtime(now);
        return airtime > Grace
            ? Decision.Accept(new TurnEnded(turn.Id, now, TurnOutcome.Spoke, airtime))
            : Decision.Accept(new TurnEnded(turn.Id, now, TurnOutcome.Passed, TimeSpan.Zero));
    }
}
