using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Speakers;

/// <summary>Puts someone in the speaker queue: themselves, or anyone when sent by a facilitator role.</summary>
public sealed record RaiseHand(CommandId Id, ParticipantId Participant) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) =>
        actor.Self == Participant ? MeetingAction.RaiseOwnHand : MeetingAction.RunQueue;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if ((Guards.CurrentItem(state, out _) ?? Guards.Present(state, Participant)) is { } refusal)
        {
            return refusal;
        }

        // The queue never holds a person twice: a second raise (from another device, say) changes nothing.
        var waitingInRound = state.Round?.Waiting(state.CurrentTurn?.Participant).Contains(Participant) == true;
        return state.IsQueued(Participant) || waitingInRound
            ? Decision.Accept()
            : Decision.Accept(new HandRaised(Participant, now));
    }
}
