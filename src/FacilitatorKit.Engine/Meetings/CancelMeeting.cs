using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine;

/// <summary>
/// Calls off a meeting that was set up but has not started: set up by mistake, or the evening did not happen.
/// Once it has started it can only be ended. Cancelling twice changes nothing.
/// </summary>
public sealed record CancelMeeting(CommandId Id) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => MeetingAction.StartOrEndMeeting;

    internal override Decision Decide(MeetingState state, DateTimeOffset now) => state.Phase switch
    {
        MeetingPhase.New => new Refusal(RefusalReason.MeetingNotSetUp),
        MeetingPhase.Gathering => Decision.Accept(new MeetingCancelled(now)),
        MeetingPhase.Running => new Refusal(RefusalReason.MeetingAlreadyStarted),
        MeetingPhase.Ended => new Refusal(RefusalReason.MeetingEnded),
        _ => Decision.Accept(),
    };
}
