using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Agenda;

/// <summary>
/// Closes the current item and starts the next pending one. Names the item it closes, so two devices pressing
/// "Next item" together advance once. Nothing advances by itself, and nobody is cut off: while someone is
/// speaking, the turn must be ended first.
/// </summary>
public sealed record NextItem(CommandId Id, AgendaItemId? Closing) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => MeetingAction.RunAgenda;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.Running(state) is { } notRunning)
        {
            return notRunning;
        }

        if (state.CurrentItemId != Closing)
        {
            return new Refusal(RefusalReason.AgendaAlreadyMoved);
        }

        if (state.CurrentTurn is { } turn)
        {
            return new Refusal(RefusalReason.StillSpeaking) { Person = turn.Participant };
        }

        if (state.Queue.Find(e => e.Kind == Speakers.QueueEntryKind.PointOfProcess) is { } point)
        {
            return new Refusal(RefusalReason.PointOfProcessWaiting) { Person = point.Participant };
        }

        var events = new List<MeetingEvent>();
        if (state.CurrentItemId is { } current)
        {
            events.Add(new AgendaItemEnded(current, now));
        }

        var next = state.Agenda.Find(i => i.Status == AgendaItemStatus.Pending);
        if (next is null)
        {
            return events.Count == 0 ? new Refusal(RefusalReason.NoMoreItems) : Decision.Accept(events);
        }

        events.AddRange(Guards.StartItem(state, next, now));
        return Decision.Accept(events);
    }
}
