using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Participants;

/// <summary>A facilitator role has seen a break request and dealt with it.</summary>
public sealed record AnswerBreakRequest(CommandId Id, ParticipantId Participant) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => MeetingAction.RunQueue;

    internal override Decision Decide(MeetingState state, DateTimeOffset now) =>
        state.BreakRequests.Contains(Participant) ? Decision.Accept(new BreakRequestAnswered(Participant)) : Decision.Accept();
}
