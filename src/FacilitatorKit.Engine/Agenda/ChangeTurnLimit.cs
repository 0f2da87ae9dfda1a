using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Agenda;

/// <summary>Sets the per-turn limit for an item's next turns; null for no limit. The turn under way keeps its own.</summary>
public sealed record ChangeTurnLimit(CommandId Id, AgendaItemId Item, TimeSpan? Limit) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => MeetingAction.RunAgenda;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.ItemInOpenMeeting(state, Item, out var item) is { } refusal)
        {
            return refusal;
        }

        if (Limit is { } limit && (limit < Limits.ShortestTurnLimit || limit > Limits.LongestTurnLimit))
        {
            return new Refusal(RefusalReason.TurnLimitOutOfRange) { Title = item.Title, Duration = Limits.ShortestTurnLimit, Limit = Limits.LongestTurnLimit };
        }

        if (item.Status is AgendaItemStatus.Done or AgendaItemStatus.Skipped)
        {
            return new Refusal(RefusalReason.ItemIsOver) { Item = item.Id };
        }

        return item.TurnLimit == Limit ? Decision.Accept() : Decision.Accept(new TurnLimitChanged(Item, Limit));
    }
}
