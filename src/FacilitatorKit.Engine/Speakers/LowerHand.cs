using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Speakers;

/// <summary>Takes someone out of the speaker queue (or the go-round still to come): themselves, or anyone for a facilitator role.</summary>
public sealed record LowerHand(CommandId Id, ParticipantId Participant) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) =>
        actor.Self == Participant ? MeetingAction.RaiseOwnHand : MeetingAction.RunQueue;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.Running(state) is { } refusal)
        {
            return refusal;
        }

        var waitingInRound = state.Round?.Waiting(state.CurrentTurn?.Participant).Contains(Participant) == true;
        return state.IsQueued(Participant) || waitingInRound
            ? Decision.Accept(new HandLowered(Participant))
            : Decision.Accept();
    }
}
