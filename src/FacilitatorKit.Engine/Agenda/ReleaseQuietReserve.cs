using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Agenda;

/// <summary>Opens the end of a sharing item, kept for people who have not shared, to everyone.</summary>
public sealed record ReleaseQuietReserve(CommandId Id, AgendaItemId Item) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => MeetingAction.RunAgenda;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.ItemInOpenMeeting(state, Item, out var item) is { } refusal)
        {
            return refusal;
        }

        if (item.QuietReserve is null)
        {
            return new Refusal(RefusalReason.ItemKeepsNoQuietReserve) { Item = item.Id };
        }

        return item.QuietReserveReleased ? Decision.Accept() : Decision.Accept(new QuietReserveReleased(Item));
    }
}
