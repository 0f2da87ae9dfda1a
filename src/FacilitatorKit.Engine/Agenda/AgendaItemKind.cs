namespace FacilitatorKit.Engine.Agenda;

/// <summary>The kinds of agenda item in DOMAIN.md.</summary>
public enum AgendaItemKind
{
    /// <summary>Opening / welcome: ground rules, confidentiality statement, the three assumptions.</summary>
    Opening,
    Reading,
    Silence,
    CheckIn,
    Sharing,
    OpenDiscussion,
    Resources,
    Celebrations,
    GroupBusiness,
    Break,

    /// <summary>Closing: next chair, next meeting, pass the hat.</summary>
    Closing,
}
