using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Agenda;

/// <summary>Opens the end of a sharing item, kept for people who have not shared, to everyone.</summary>
public sealed record ReleaseQuietReserve(CommandId Id, Actor Actor, AgendaItemId Item) : MeetingCommand(Id, Actor)
{
    internal override MeetingAction RequiredAction(MeetingState state) => MeetingAction.RunAgenda;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.ItemInOpenMeeting(state, Item, out var item) is { } refusal)
        {
            return refusal;
        }

        if (item.QuietReserve is null)
        {
            return Refusal.NotNow($"\"{item.Title}\" keeps no time for quiet members.");
        }

        return item.QuietReserveReleased ? Decision.Accept() : Decision.Accept(new QuietReserveReleased(Item));
    }
}
