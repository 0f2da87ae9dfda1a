using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Participants;

/// <summary>"I need a break": a discreet signal to the facilitator roles, from the person or on their behalf.</summary>
public sealed record SignalBreak(CommandId Id, ParticipantId Participant) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) =>
        actor.Self == Participant ? MeetingAction.SignalBreak : MeetingAction.RunQueue;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if ((Guards.Running(state) ?? Guards.Present(state, Participant)) is { } refusal)
        {
            return refusal;
        }

        return state.BreakRequests.Contains(Participant) ? Decision.Accept() : Decision.Accept(new BreakRequested(Participant, now));
    }
}
