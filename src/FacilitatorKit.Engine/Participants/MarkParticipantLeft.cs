using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Participants;

/// <summary>Someone left: they leave the queue and the go-round. If they were speaking, their turn ends with the airtime it had.</summary>
public sealed record MarkParticipantLeft(CommandId Id, ParticipantId Participant) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => MeetingAction.RunQueue;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.NotEnded(state) is { } refusal)
        {
            return refusal;
        }

        var person = state.FindParticipant(Participant);
        if (person is null)
        {
            return new Refusal(RefusalReason.PersonNotInMeeting);
        }

        if (!person.IsPresent)
        {
            return Decision.Accept();
        }

        var events = new List<MeetingEvent>();
        if (state.CurrentTurn is { } turn && turn.Participant == Participant)
        {
            events.AddRange(Guards.EndCurrentTurn(state, now));
        }

        events.Add(new ParticipantLeft(Participant));
        return Decision.Accept(events);
    }
}
