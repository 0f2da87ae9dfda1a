using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Participants;

/// <summary>
/// Adds someone on the spot (a member, a guest or a newcomer) at a seat (the end when none is given).
/// Someone who had left and comes back returns to their old seat.
/// </summary>
public sealed record AddParticipant(CommandId Id, Actor Actor, Participant Participant, int? Seat = null) : MeetingCommand(Id, Actor)
{
    internal override MeetingAction RequiredAction(MeetingState state) => MeetingAction.RunQueue;

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
            return Refusal.Invalid("A participant needs a first name or an alias.");
        }

        var seat = Seat ?? state.Participants.Count;
        if (seat < 0 || seat > state.Participants.Count)
        {
            return Refusal.Invalid("That seat is not in the circle.");
        }

        return Decision.Accept(new ParticipantAdded(Participant with { IsPresent = true }, seat));
    }
}
