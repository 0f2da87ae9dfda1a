namespace FacilitatorKit.Engine.Roles;

/// <summary>The rows of the permission table in DOMAIN.md, rule 6.</summary>
public enum MeetingAction
{
    /// <summary>Start or end the meeting, change the format, delete.</summary>
    StartOrEndMeeting,
    ChangeFormat,
    DeleteMeeting,

    /// <summary>Next, skip, extend, reorder, add and remove agenda items; choose the turn order.</summary>
    RunAgenda,

    /// <summary>Queue anyone, next speaker, pause, extend, point of process; add people on the spot.</summary>
    RunQueue,

    /// <summary>Raise or lower one's own hand, or signal "I need a break".</summary>
    RaiseOwnHand,
    SignalBreak,

    /// <summary>Join as a newcomer, by first name, from one's own phone.</summary>
    JoinAsNewcomer,

    Notes,
    SeeFairness,

    /// <summary>Hand over the chair, manage roles.</summary>
    HandOverChair,
    ManageRoles,
}
