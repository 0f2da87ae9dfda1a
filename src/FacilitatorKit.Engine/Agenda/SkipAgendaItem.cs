using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Agenda;

/// <summary>Marks an item still to come as skipped: it stays on the agenda, greyed out, and "Next item" passes it by.</summary>
public sealed record SkipAgendaItem(CommandId Id, AgendaItemId Item) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => MeetingAction.RunAgenda;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.ItemInOpenMeeting(state, Item, out var item) is { } refusal)
        {
            return refusal;
        }

        return item.Status switch
        {
            AgendaItemStatus.Pending => Decision.Accept(new AgendaItemSkipped(Item)),
            AgendaItemStatus.Skipped => Decision.Accept(),
            _ => new Refusal(RefusalReason.ItemAlreadyStarted) { Item = item.Id },
        };
    }
}
