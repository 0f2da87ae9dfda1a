using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Speakers;

/// <summary>Puts someone at the front of the queue for a process point or a safety concern. Their turn is marked as such.</summary>
public sealed record RaisePointOfProcess(CommandId Id, ParticipantId Participant) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => MeetingAction.RunQueue;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if ((Guards.CurrentItem(state, out _) ?? Guards.Present(state, Participant)) is { } refusal)
        {
            return refusal;
        }

        return state.Queue.Exists(e => e.Participant == Participant && e.Kind == QueueEntryKind.PointOfProcess)
            ? Decision.Accept()
            : Decision.Accept(new PointOfProcessRaised(Participant, now));
    }
}
