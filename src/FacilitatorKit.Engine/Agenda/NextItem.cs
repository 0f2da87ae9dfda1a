using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Agenda;

/// <summary>
/// Closes the current item and starts the next pending one. Names the item it closes, so two devices pressing
/// "Next item" together advance once. Nothing advances by itself, and nobody is cut off: while someone is
/// speaking, the turn must be ended first.
/// </summary>
public sealed record NextItem(CommandId Id, Actor Actor, AgendaItemId? Closing) : MeetingCommand(Id, Actor)
{
    internal override MeetingAction RequiredAction(MeetingState state) => MeetingAction.RunAgenda;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.Running(state) is { } notRunning)
        {
            return notRunning;
        }

        if (state.CurrentItemId != Closing)
        {
            return Refusal.AlreadyChanged("Already changed: the agenda has moved on. The screen now shows the current item.");
        }

        if (state.CurrentTurn is { } turn)
        {
            return Refusal.NotNow($"{state.NameOf(turn.Participant)} is still speaking. End the turn first, then move to the next item.");
        }

        if (state.Queue.Find(e => e.Kind == Speakers.QueueEntryKind.PointOfProcess) is { } point)
        {
            return Refusal.NotNow($"{state.NameOf(point.Participant)} has a point of process waiting. Take it, or lower it, before moving on.");
        }

        var events = new List<MeetingEvent>();
        if (state.CurrentItemId is { } current)
        {
            events.Add(new AgendaItemEnded(current, now));
        }

        var next = state.Agenda.Find(i => i.Status == AgendaItemStatus.Pending);
        if (next is null)
        {
            return events.Count == 0 ? Refusal.NotNow("There are no more agenda items. End the meeting when you are ready.") : Decision.Accept(events);
        }

        events.AddRange(Guards.StartItem(state, next, now));
        return Decision.Accept(events);
    }
}
