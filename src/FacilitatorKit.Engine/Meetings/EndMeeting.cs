using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine;

/// <summary>Ends the meeting. A turn still under way is ended with the airtime it had; the current item is closed.</summary>
public sealed record EndMeeting(CommandId Id) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => MeetingAction.StartOrEndMeeting;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        switch (state.Phase)
        {
            case MeetingPhase.New:
                return new Refusal(RefusalReason.MeetingNotSetUp);
            case MeetingPhase.Ended:
                return Decision.Accept();
            case MeetingPhase.Cancelled:
                return new Refusal(RefusalReason.MeetingCancelled);
        }

        var events = new List<MeetingEvent>(Guards.EndCurrentTurn(state, now));
        if (state.CurrentItemId is { } item)
        {
            events.Add(new AgendaItemEnded(item, now));
        }

        events.Add(new MeetingEnded(now));
        return Decision.Accept(events);
    }
}
