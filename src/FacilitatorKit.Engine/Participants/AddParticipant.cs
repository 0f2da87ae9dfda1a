using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Participants;

/// <summary>
/// Adds someone on the spot (a member, a guest or a newcomer) at a seat (the end when none is given).
/// Someone who had left and comes back returns to their old seat. A newcomer may add themselves from their own phone
/// (the actor's <see cref="Actor.Self"/> is the newcomer); anyone else is added by whoever runs the queue.
/// </summary>
public sealed record AddParticipant(CommandId Id, Participant Participant, int? Seat = null) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) =>
        actor.Self == Participant.Id && Participant.Kind == ParticipantKind.Newcomer && state.FindParticipant(Participant.Id) is null
            ? MeetingAction.JoinAsNewcomer
            : MeetingAction.RunQueue;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.NotEnded(state) is { } refusal)
        {
            return refusal;
        }

        if (state.FindParticipant(Participant.Id) is { } known)
        {
            return known.IsPresent ? Decision.Accept() : Decision.Accept(new ParticipantReturned(known.Id));
        }

        if (string.IsNullOrWhiteSpace(Participant.Name))
        {
            return new Refusal(RefusalReason.ParticipantNeedsName);
        }

        var seat = Seat ?? state.Participants.Count;
        if (seat < 0 || seat > state.Participants.Count)
        {
            return new Refusal(RefusalReason.SeatNotInCircle);
        }

        return Decision.Accept(new ParticipantAdded(Participant with { IsPresent = true }, seat));
    }
}
