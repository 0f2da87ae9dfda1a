using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Speakers;

/// <summary>
/// Starts (or restarts) a go-round on the current item: present participants in seating order, beginning after the
/// chair, or at the person chosen. The item's turn order becomes Go-round.
/// </summary>
public sealed record StartGoRound(CommandId Id, ParticipantId? StartWith = null) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => MeetingAction.RunQueue;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.CurrentItem(state, out var item) is { } refusal)
        {
            return refusal;
        }

        if (StartWith is { } first && Guards.Present(state, first) is { } absent)
        {
            return absent;
        }

        var round = new GoRoundStarted(item.Id, Guards.GoRoundOrder(state, StartWith));
        return item.TurnPolicy == TurnPolicy.GoRound
            ? Decision.Accept(round)
            : Decision.Accept(new TurnPolicyChanged(item.Id, TurnPolicy.GoRound), round);
    }
}
