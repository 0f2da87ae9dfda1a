using FacilitatorKit.Engine.Speakers;

namespace FacilitatorKit.Engine.Participants;

/// <summary>Someone joined on the spot: a member, a guest or a newcomer, at a seat. A go-round under way takes them in at its end.</summary>
public sealed record ParticipantAdded(Participant Participant, int Seat) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state) => state with
    {
        Participants = state.Participants.Insert(Seat, Participant),
        Round = state.Round is { IsComplete: false } round ? round with { Order = round.Order.Add(Participant.Id) } : state.Round,
    };
}

/// <summary>Someone who had left came back. If a go-round under way has not had their turn, they join its end, as a latecomer does.</summary>
public sealed record ParticipantReturned(ParticipantId Participant) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state) => state with
    {
        Participants = state.Participants.Replace(state.FindParticipant(Participant)!, state.FindParticipant(Participant)! with { IsPresent = true }),
        Round = state.Round is { IsComplete: false } round && !round.Order.Contains(Participant)
            ? round with { Order = round.Order.Add(Participant) }
            : state.Round,
    };
}

/// <summary>Someone left the meeting: they are taken out of the queue and the go-round.</summary>
public sealed record ParticipantLeft(ParticipantId Participant) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state)
    {
        var person = state.FindParticipant(Participant)!;
        return state.WithoutQueued(Participant) with
        {
            Participants = state.Participants.Replace(person, person with { IsPresent = false }),
            BreakRequests = state.BreakRequests.Remove(Participant),
        };
    }
}

/// <summary>Someone signalled "I need a break".</summary>
public sealed record BreakRequested(ParticipantId Participant, DateTimeOffset At) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state) => state with { BreakRequests = state.BreakRequests.Add(Participant) };
}

/// <summary>A facilitator role saw the break request and answered it.</summary>
public sealed record BreakRequestAnswered(ParticipantId Participant) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state) => state with { BreakRequests = state.BreakRequests.Remove(Participant) };
}
