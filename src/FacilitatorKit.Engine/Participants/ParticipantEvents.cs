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
        Participants = state.Participants.Replace(state.FindParticipant(Participant)!, state.FindParticipant(Participant)! with { IsPresent = true, IsSteppedOut = false }),
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
            Participants = state.Participants.Replace(person, person with { IsPresent = false, IsSteppedOut = false }),
            BreakRequests = state.BreakRequests.Remove(Participant),
        };
    }
}

/// <summary>Someone stepped out of the room for a while: they keep their seat, airtime and place; the turns go on without them.</summary>
public sealed record ParticipantSteppedOut(ParticipantId Participant) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state) => state.WithParticipant(Participant, p => p with { IsSteppedOut = true });
}

/// <summary>Someone who had stepped out is back in the room, in the place they kept.</summary>
public sealed record ParticipantSteppedBack(ParticipantId Participant) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state) => state.WithParticipant(Participant, p => p with { IsSteppedOut = false });
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
