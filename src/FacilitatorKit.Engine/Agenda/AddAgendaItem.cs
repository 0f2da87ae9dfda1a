using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Agenda;

/// <summary>Adds an item while the meeting runs, after the current item (at the end when no place is given).</summary>
public sealed record AddAgendaItem(CommandId Id, Actor Actor, AgendaItemPlan Plan, int? Index = null) : MeetingCommand(Id, Actor)
{
    internal override MeetingAction RequiredAction(MeetingState state) => MeetingAction.RunAgenda;

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
            return Refusal.Invalid("New items can only go after the current item.");
        }

        return Decision.Accept(new AgendaItemAdded(Plan, index));
    }
}
