namespace FacilitatorKit.Engine;

public enum MeetingPhase
{
    /// <summary>Nothing has happened yet.</summary>
    New,

    /// <summary>Set up from a format; people are arriving. The agenda clock has not started.</summary>
    Gathering,
    Running,
    Ended,
}
