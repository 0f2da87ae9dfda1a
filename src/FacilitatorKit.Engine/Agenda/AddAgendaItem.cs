using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Agenda;

/// <summary>Adds an item while the meeting runs, after the current item (at the end when no place is given).</summary>
public sealed record AddAgendaItem(CommandId Id, AgendaItemPlan Plan, int? Index = null) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => MeetingAction.RunAgenda;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.NotEnded(state) is { } refusal)
        {
            return refusal;
        }

        if (Guards.ValidPlan(Plan) is { } invalid)
        {
            return invalid;
        }

        var index = Index ?? state.Agenda.Count;
        if (index < Guards.FirstOpenSlot(state) || index > state.Agenda.Count)
        {
            return new Refusal(RefusalReason.NewItemsOnlyAfterCurrent);
        }

        return Decision.Accept(new AgendaItemAdded(Plan, index));
    }
}
