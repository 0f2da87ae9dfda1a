using FacilitatorKit.Engine.Agenda;

namespace FacilitatorKit.Engine.Tests.Agenda;

/// <summary>A short raise-hand agenda (55 minutes), so agenda tests do not depend on go-round behaviour.</summary>
internal static class TestAgendas
{
    public static readonly AgendaItemId Welcome = new(1);
    public static readonly AgendaItemId Sharing = new(2);
    public static readonly AgendaItemId Closing = new(3);

    public static MeetingFormat ThreeItems { get; } = new("Three items",
    [
        new("Welcome", AgendaItemKind.Opening, TimeSpan.FromMinutes(5)),
        new("Sharing", AgendaItemKind.Sharing, TimeSpan.FromMinutes(40), TurnPolicy.RaiseHand, TimeSpan.FromMinutes(5)),
        new("Closing", AgendaItemKind.Closing, TimeSpan.FromMinutes(10)),
    ]);

    public static AgendaItemPlan Reading { get; } = new("A reading", AgendaItemKind.Reading, TimeSpan.FromMinutes(5));

    public static DateTimeOffset At(double minutes) => Support.MeetingScenario.Start.AddMinutes(minutes);
}
