using FacilitatorKit.Engine.Agenda;

namespace FacilitatorKit.Engine.Tests.Support;

/// <summary>Formats the tests use. <see cref="PeerSupportCircle"/> mirrors samples/formats/peer-support-circle.json.</summary>
public static class Formats
{
    public static MeetingFormat PeerSupportCircle { get; } = new("Peer support circle",
    [
        new("Welcome and ground rules", AgendaItemKind.Opening, TimeSpan.FromMinutes(5)),
        new("Check-in", AgendaItemKind.CheckIn, TimeSpan.FromMinutes(15), TurnPolicy.GoRound, TimeSpan.FromMinutes(1)),
        new("Sharing", AgendaItemKind.Sharing, TimeSpan.FromMinutes(40), TurnPolicy.Balanced, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10)),
        new("Resources and information", AgendaItemKind.Resources, TimeSpan.FromMinutes(10)),
        new("Celebrations", AgendaItemKind.Celebrations, TimeSpan.FromMinutes(10), TurnPolicy.GoRound, TimeSpan.FromMinutes(1)),
        new("Closing: next chair, next meeting, pass the hat", AgendaItemKind.Closing, TimeSpan.FromMinutes(10)),
    ]);

    /// <summary>One item per turn policy, so a test can start exactly the item it needs.</summary>
    public static MeetingFormat OneItem(TurnPolicy policy, TimeSpan? turnLimit = null, TimeSpan? quietReserve = null, int minutes = 30) =>
        new("Test", [new("Item", AgendaItemKind.Sharing, TimeSpan.FromMinutes(minutes), policy, turnLimit, quietReserve)]);
}
