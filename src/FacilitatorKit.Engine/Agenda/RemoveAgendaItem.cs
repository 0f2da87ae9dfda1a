using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Agenda;

/// <summary>Takes an item that has not started (or was skipped) off the agenda.</summary>
public sealed record RemoveAgendaItem(CommandId Id, AgendaItemId Item) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => MeetingAction.RunAgenda;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.ItemInOpenMeeting(state, Item, out var item) is { } refusal)
        {
            return refusal;
        }

        return item.Status is AgendaItemStatus.Pending or AgendaItemStatus.Skipped
            ? Decision.Accept(new AgendaItemRemoved(Item))
            : new Refusal(RefusalReason.ItemAlreadyStarted) { Item = item.Id };
    }
}
