using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Agenda;

/// <summary>Chooses how turns are taken for an item. Switching the running item to a go-round starts a round after the chair.</summary>
public sealed record ChangeTurnPolicy(CommandId Id, AgendaItemId Item, TurnPolicy Policy) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => MeetingAction.RunAgenda;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.ItemInOpenMeeting(state, Item, out var item) is { } refusal)
        {
            return refusal;
        }

        if (item.Status is AgendaItemStatus.Done or AgendaItemStatus.Skipped)
        {
            return new Refusal(RefusalReason.ItemIsOver) { Item = item.Id };
        }

        if (item.TurnPolicy == Policy)
        {
            return Decision.Accept();
        }

        return Policy == TurnPolicy.GoRound && item.Status == AgendaItemStatus.Running
            ? Decision.Accept(new TurnPolicyChanged(Item, Policy), new GoRoundStarted(Item, Guards.GoRoundOrder(state, startWith: null)))
            : Decision.Accept(new TurnPolicyChanged(Item, Policy));
    }
}
