using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Agenda;

/// <summary>
/// Gives an item more time. For the running item, its end instant moves later; an item already in overrun gets
/// the time from now ("five more minutes" means five more from here), and the event records the real extension.
/// </summary>
/// <param name="PlannedTimeSeen">The item's planned time as the sender saw it, so two devices extending together extend once.</param>
public sealed record ExtendAgendaItem(CommandId Id, Actor Actor, AgendaItemId Item, TimeSpan By, TimeSpan? PlannedTimeSeen = null) : MeetingCommand(Id, Actor)
{
    public static readonly TimeSpan MaximumExtension = TimeSpan.FromHours(2);

    internal override MeetingAction RequiredAction(MeetingState state) => MeetingAction.RunAgenda;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.ItemInOpenMeeting(state, Item, out var item) is { } refusal)
        {
            return refusal;
        }

        if (By <= TimeSpan.Zero || By > MaximumExtension)
        {
            return Refusal.Invalid("An item can be extended by a minute up to two hours at a time.");
        }

        if (PlannedTimeSeen is { } seen && seen != item.PlannedTime)
        {
            return Refusal.AlreadyChanged($"Already changed: \"{item.Title}\" was just extended on another device.");
        }

        return item.Status switch
        {
            AgendaItemStatus.Pending => Decision.Accept(new AgendaItemExtended(Item, By)),
            AgendaItemStatus.Running => Decision.Accept(new AgendaItemExtended(Item, By + item.Overrun(now))),
            _ => Refusal.NotNow($"\"{item.Title}\" is over; only the current item or items still to come can be extended."),
        };
    }
}
