namespace FacilitatorKit.Engine.Agenda;

/// <summary>Who speaks next, chosen per agenda item (DOMAIN.md, rule 2).</summary>
public enum TurnPolicy
{
    /// <summary>First come, first served.</summary>
    RaiseHand,

    /// <summary>Present participants in seating order, starting after the chair; pass and pass for now allowed.</summary>
    GoRound,

    /// <summary>First-time speakers first, then least airtime here, then least over recent meetings, then earliest hand.</summary>
    Balanced,
}
