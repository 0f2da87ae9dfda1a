using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Participants;

/// <summary>
/// Someone stepped out for a while: unlike leaving, they keep their place in the queue or the go-round, which passes
/// them over until they are back. If they were speaking, their turn ends with the airtime it had.
/// </summary>
public sealed record MarkSteppedOut(CommandId Id, ParticipantId Participant) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => MeetingAction.RunQueue;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if ((Guards.NotEnded(state) ?? Guards.Present(state, Participant)) is { } refusal)
        {
            return refusal;
        }

        if (state.IsSteppedOut(Participant))
        {
            return Decision.Accept();
        }

        var events = new List<MeetingEvent>();
        if (state.CurrentTurn is { } turn && turn.Participant == Participant)
        {
            events.AddRange(Guards.EndCurrentTurn(state, now));
        }

        events.Add(new ParticipantSteppedOut(Participant));
        return Decision.Accept(events);
    }
}

/// <summary>Someone who stepped out is back: the place they kept is theirs again.</summary>
public sealed record MarkSteppedBack(CommandId Id, ParticipantId Participant) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => MeetingAction.RunQueue;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if ((Guards.NotEnded(state) ?? Guards.Present(state, Participant)) is { } refusal)
        {
            return refusal;
        }

        return state.IsSteppedOut(Participant) ? Decision.Accept(new ParticipantSteppedBack(Participant)) : Decision.Accept();
    }
}
