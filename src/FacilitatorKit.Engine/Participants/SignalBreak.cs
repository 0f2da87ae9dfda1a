using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Participants;

/// <summary>"I need a break": a discreet signal to the facilitator roles, from the person or on their behalf.</summary>
public sealed record SignalBreak(CommandId Id, Actor Actor, ParticipantId Participant) : MeetingCommand(Id, Actor)
{
    internal override MeetingAction RequiredAction(MeetingState state) =>
        Actor.Self == Participant ? MeetingAction.SignalBreak : MeetingAction.RunQueue;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if ((Guards.Running(state) ?? Guards.Present(state, Participant)) is { } refusal)
        {
            return refusal;
        }

        return state.BreakRequests.Contains(Participant) ? Decision.Accept() : Decision.Accept(new BreakRequested(Participant, now));
    }
}
