using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Agenda;

/// <summary>Reorders an item that has not started, among the items still to come.</summary>
public sealed record MoveAgendaItem(CommandId Id, AgendaItemId Item, int ToIndex) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => MeetingAction.RunAgenda;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.ItemInOpenMeeting(state, Item, out var item) is { } refusal)
        {
            return refusal;
        }

        if (item.Status != AgendaItemStatus.Pending)
        {
            return new Refusal(RefusalReason.ItemAlreadyStarted) { Item = item.Id };
        }

        if (ToIndex < Guards.FirstOpenSlot(state) || ToIndex >= state.Agenda.Count)
        {
            return new Refusal(RefusalReason.MoveOnlyAmongItemsToCome);
        }

        return ToIndex == state.IndexOfItem(Item) ? Decision.Accept() : Decision.Accept(new AgendaItemMoved(Item, ToIndex));
    }
}
