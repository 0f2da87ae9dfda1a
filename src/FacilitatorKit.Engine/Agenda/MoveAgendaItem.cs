using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Agenda;

/// <summary>Reorders an item that has not started, among the items still to come.</summary>
public sealed record MoveAgendaItem(CommandId Id, Actor Actor, AgendaItemId Item, int ToIndex) : MeetingCommand(Id, Actor)
{
    internal override MeetingAction RequiredAction(MeetingState state) => MeetingAction.RunAgenda;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.ItemInOpenMeeting(state, Item, out var item) is { } refusal)
        {
            return refusal;
        }

        if (item.Status != AgendaItemStatus.Pending)
        {
            return Refusal.NotNow($"\"{item.Title}\" has already started; only items still to come can be moved.");
        }

        if (ToIndex < Guards.FirstOpenSlot(state) || ToIndex >= state.Agenda.Count)
        {
            return Refusal.Invalid("Items can only be moved among the items still to come.");
        }

        return ToIndex == state.IndexOfItem(Item) ? Decision.Accept() : Decision.Accept(new AgendaItemMoved(Item, ToIndex));
    }
}
