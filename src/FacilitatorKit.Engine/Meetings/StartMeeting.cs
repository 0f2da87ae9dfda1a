using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine;

/// <summary>Starts the meeting and its first item; that item's end becomes an absolute instant.</summary>
public sealed record StartMeeting(CommandId Id) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => MeetingAction.StartOrEndMeeting;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        switch (state.Phase)
        {
            case MeetingPhase.New:
                return new Refusal(RefusalReason.MeetingNotSetUp);
            case MeetingPhase.Running:
                return Decision.Accept();
            case MeetingPhase.Ended:
                return new Refusal(RefusalReason.MeetingEnded);
            case MeetingPhase.Cancelled:
                return new Refusal(RefusalReason.MeetingCancelled);
        }

        var events = new List<MeetingEvent> { new MeetingStarted(now) };
        if (state.Agenda.Find(i => i.Status == AgendaItemStatus.Pending) is { } first)
        {
            events.AddRange(Guards.StartItem(state, first, now));
        }

        return Decision.Accept(events);
    }
}
