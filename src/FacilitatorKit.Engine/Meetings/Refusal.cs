using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine;

/// <summary>What kind of refusal it is: what the person who pressed can do about it.</summary>
public enum RefusalCode
{
    /// <summary>The sender's role does not allow this.</summary>
    NotPermitted,

    /// <summary>The state the command named has already moved on (another device got there first).</summary>
    AlreadyChanged,

    /// <summary>The command does not fit the meeting as it is now.</summary>
    NotNow,

    /// <summary>The command names a person or item the meeting does not have.</summary>
    NotFound,

    /// <summary>The command's values are out of range.</summary>
    Invalid,
}

/// <summary>
/// Why exactly a command was refused. The engine gives the reason and its arguments; the screens put it in words
/// (the Web project's resources), so the engine holds no sentences and names no buttons.
/// </summary>
public enum RefusalReason
{
    // NotPermitted. Role: the sender's role; Action: the row of the permission table it lacks.
    RoleMayNot,

    // AlreadyChanged.
    TurnAlreadyEnded,
    SpeakerAlreadyChanged,
    TurnAlreadyExtended,
    ItemAlreadyExtended,
    AgendaAlreadyMoved,

    /// <summary>Person: the chair now, or none.</summary>
    ChairAlreadyChanged,

    /// <summary>Person: who has just started speaking. The press asked first; sent again without asking, it ends that turn.</summary>
    TurnJustStarted,

    // NotNow.
    MeetingNotSetUp,
    MeetingAlreadySetUp,
    MeetingNotStarted,
    MeetingEnded,
    MeetingCancelled,

    /// <summary>Only a meeting that has not started can be cancelled; one under way is ended instead.</summary>
    MeetingAlreadyStarted,
    NoItemUnderWay,

    /// <summary>Person: who has left.</summary>
    PersonHasLeft,
    NobodyWaiting,

    /// <summary>Person: the first of the people waiting, all of whom have stepped out and keep their places.</summary>
    WaitingHaveSteppedOut,

    /// <summary>Item: the item whose reserve is on; Duration: the reserve.</summary>
    QuietReserveKeepsTime,
    TurnHasNoLimit,
    PassForNowOnlyInGoRound,

    /// <summary>Person: the speaker.</summary>
    AlreadyPassedForNow,

    /// <summary>Person: the speaker.</summary>
    AlreadySpokeInRound,

    /// <summary>Person: the speaker.</summary>
    StillSpeaking,

    /// <summary>Person: whose point of process is waiting.</summary>
    PointOfProcessWaiting,
    NoMoreItems,
    FormatOnlyBeforeStart,

    /// <summary>Item: the item that has started.</summary>
    ItemAlreadyStarted,

    /// <summary>Item: the item that is over.</summary>
    ItemIsOver,

    /// <summary>Item: the item that keeps no reserve.</summary>
    ItemKeepsNoQuietReserve,

    /// <summary>The speaker has changed since the change the command names, or none was made.</summary>
    NoSpeakerChangeToUndo,

    /// <summary>Duration: how long a change of speaker can be undone.</summary>
    TooLateToUndo,

    /// <summary>Person: the speaker whose turn would come back, who has left.</summary>
    CannotUndoPersonLeft,

    // NotFound.
    PersonNotInMeeting,
    ItemNotOnAgenda,
    ChairNotAtMeeting,

    // Invalid.
    SetUpForAnotherMeeting,
    FormatHasNoItems,
    PersonListedTwice,
    ParticipantNeedsName,
    SeatNotInCircle,

    /// <summary>Title: the planned item's title.</summary>
    ItemNeedsTitle,

    /// <summary>Title: the planned item's title; Duration, Limit: the range.</summary>
    TimeBoxOutOfRange,

    /// <summary>Title: the planned item's title; Duration, Limit: the range.</summary>
    TurnLimitOutOfRange,

    /// <summary>Title: the planned item's title.</summary>
    QuietReserveTooLong,

    /// <summary>Duration, Limit: the range of one extension.</summary>
    TurnExtensionOutOfRange,

    /// <summary>Duration, Limit: the range of one extension.</summary>
    ItemExtensionOutOfRange,
    MoveOnlyAmongItemsToCome,
    NewItemsOnlyAfterCurrent,
    NextMeetingPlaceTooLong,
}

/// <summary>
/// A typed reason a command was refused, with the values a sentence about it needs (who, which item, how long).
/// Refusals are values, never exceptions. People and items are named by id: the screen shows their names.
/// </summary>
public sealed record Refusal(RefusalReason Reason)
{
    public RefusalCode Code => CodeOf(Reason);

    public ParticipantId? Person { get; init; }
    public AgendaItemId? Item { get; init; }

    /// <summary>A planned item's title, for an item not on the agenda yet (so it has no id).</summary>
    public string? Title { get; init; }

    /// <summary>A length of time: a reserve, or the low end of a range.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>The high end of a range.</summary>
    public TimeSpan? Limit { get; init; }

    public Role? Role { get; init; }
    public MeetingAction? Action { get; init; }

    /// <summary>For a refused group or member operation: the row of the group's permission table the role lacks.</summary>
    public GroupAction? GroupAction { get; init; }

    public static RefusalCode CodeOf(RefusalReason reason) => reason switch
    {
        RefusalReason.RoleMayNot => RefusalCode.NotPermitted,
        RefusalReason.TurnAlreadyEnded or RefusalReason.SpeakerAlreadyChanged or RefusalReason.TurnAlreadyExtended
            or RefusalReason.ItemAlreadyExtended or RefusalReason.AgendaAlreadyMoved or RefusalReason.ChairAlreadyChanged
            or RefusalReason.TurnJustStarted => RefusalCode.AlreadyChanged,
        RefusalReason.PersonNotInMeeting or RefusalReason.ItemNotOnAgenda or RefusalReason.ChairNotAtMeeting => RefusalCode.NotFound,
        RefusalReason.SetUpForAnotherMeeting or RefusalReason.FormatHasNoItems or RefusalReason.PersonListedTwice
            or RefusalReason.ParticipantNeedsName or RefusalReason.SeatNotInCircle or RefusalReason.ItemNeedsTitle
            or RefusalReason.TimeBoxOutOfRange or RefusalReason.TurnLimitOutOfRange or RefusalReason.QuietReserveTooLong
            or RefusalReason.TurnExtensionOutOfRange or RefusalReason.ItemExtensionOutOfRange
            or RefusalReason.MoveOnlyAmongItemsToCome or RefusalReason.NewItemsOnlyAfterCurrent
            or RefusalReason.NextMeetingPlaceTooLong => RefusalCode.Invalid,
        _ => RefusalCode.NotNow,
    };

    public override string ToString() => $"{Code}: {Reason}";
}
