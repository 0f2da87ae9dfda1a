namespace FacilitatorKit.Engine.Agenda;

/// <summary>An agenda item as a format plans it: the step, its time box and how turns are taken.</summary>
/// <param name="TurnLimit">The per-turn limit, if the item has one.</param>
/// <param name="QuietReserve">The last part of the item kept for people who have not shared yet.</param>
public sealed record AgendaItemPlan(
    string Title,
    AgendaItemKind Kind,
    TimeSpan TimeBox,
    TurnPolicy TurnPolicy = TurnPolicy.RaiseHand,
    TimeSpan? TurnLimit = null,
    TimeSpan? QuietReserve = null);
