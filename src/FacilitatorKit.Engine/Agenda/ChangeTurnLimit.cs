using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Agenda;

/// <summary>Sets the per-turn limit for an item's next turns; null for no limit. The turn under way keeps its own.</summary>
public sealed record ChangeTurnLimit(CommandId Id, Actor Actor, AgendaItemId Item, TimeSpan? Limit) : MeetingCommand(Id, Actor)
{
    public static readonly TimeSpan Shortest = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(60);

    internal override MeetingAction RequiredAction(MeetingState state) => MeetingAction.RunAgenda;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.ItemInOpenMeeting(state, Item, out var item) is { } refusal)
        {
            return refusal;
        }

        if (Limit is { } limit && (limit < Shortest || limit > Longest))
        {
            return Refusal.Invalid("A turn limit is between 15 seconds and 60 minutes.");
        }

        if (item.Status is AgendaItemStatus.Done or AgendaItemStatus.Skipped)
        {
            return Refusal.NotNow($"\"{item.Title}\" is over.");
        }

        return item.TurnLimit == Limit ? Decision.Accept() : Decision.Accept(new TurnLimitChanged(Item, Limit));
    }
}
