namespace FacilitatorKit.Engine;

public enum MeetingPhase
{
    /// <summary>Nothing has happened yet.</summary>
    New,

    /// <summary>Set up from a format; people are arriving. The agenda clock has not started.</summary>
    Gathering,
    Running,
    Ended,

    /// <summary>Called off before it started: it held no session, no chairing and no attendance.</summary>
    Cancelled,
}
