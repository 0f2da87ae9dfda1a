using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Agenda;

/// <summary>
/// Gives an item more time. For the running item, its end instant moves later; an item already in overrun gets
/// the time from now ("five more minutes" means five more from here), and the event records the real extension.
/// </summary>
/// <param name="PlannedTimeSeen">The item's planned time as the sender saw it, so two devices extending together extend once.</param>
public sealed record ExtendAgendaItem(CommandId Id, AgendaItemId Item, TimeSpan By, TimeSpan? PlannedTimeSeen = null) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => MeetingAction.RunAgenda;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.ItemInOpenMeeting(state, Item, out var item) is { } refusal)
        {
            return refusal;
        }

        if (By < Limits.ShortestItemExtension || By > Limits.LongestItemExtension)
        {
            return new Refusal(RefusalReason.ItemExtensionOutOfRange) { Duration = Limits.ShortestItemExtension, Limit = Limits.LongestItemExtension };
        }

        if (PlannedTimeSeen is { } seen && seen != item.PlannedTime)
        {
            return new Refusal(RefusalReason.ItemAlreadyExtended) { Item = item.Id };
        }

        return item.Status switch
        {
            AgendaItemStatus.Pending => Decision.Accept(new AgendaItemExtended(Item, By)),
            AgendaItemStatus.Running => Decision.Accept(new AgendaItemExtended(Item, By + item.Overrun(now))),
            _ => new Refusal(RefusalReason.ItemIsOver) { Item = item.Id },
        };
    }
}
