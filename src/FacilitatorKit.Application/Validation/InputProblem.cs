namespace FacilitatorKit.Application.Validation;

/// <summary>
/// Why input was refused at the boundary. Like the engine's refusal reasons, these are codes with arguments, and
/// the screens put them in words; where a problem is the same as an engine refusal it has the same name, so it is
/// worded once.
/// </summary>
public enum InputProblem
{
    // Names and titles. What: which name (a NameOf); Max: the length.
    NameMissing,
    NameTooLong,
    NameHasInvisibleCharacters,
    NameLooksBlank,

    /// <summary>Max: how many marks one character may carry.</summary>
    NameHasStackedMarks,
    NameLooksLikeContact,

    // Facilitators' sign-ins. Min, Max: the passphrase's length.
    PassphraseTooShort,
    PassphraseTooLong,
    AliasTaken,
    AlreadySetUp,

    // Agenda items and formats. Min, Max: the range (TimeSpan or count).
    ItemNeedsTitle,
    TitleTooLong,
    TitleHasInvisibleCharacters,
    ItemKindUnknown,
    TurnOrderUnknown,
    TimeBoxOutOfRange,
    TurnLimitOutOfRange,
    QuietReserveTooLong,
    FormatHasNoItems,
    FormatTooManyItems,
    FormatTooLong,
    NotANumber,

    // Commands in a meeting.
    PersonNotInMeeting,
    ItemNotOnAgenda,
    TurnExtensionOutOfRange,
    ItemExtensionOutOfRange,

    /// <summary>Name: whoever has that name already.</summary>
    NameTakenHere,

    /// <summary>Name: someone of that name came tonight and has left; "is back" brings them back as themselves.</summary>
    NameOfSomeoneWhoLeft,
    TwoPeopleSameName,
    ChairNotAtMeeting,
    ParticipantKindUnknown,

    // Groups and meetings.
    GroupKindUnknown,
    SessionsMissing,
    SessionsOutOfRange,
    SessionsOnlyForClosed,
    GroupGone,
    FormatUnknown,

    /// <summary>Group: the group's name; Max: its planned sessions.</summary>
    AllSessionsSetUp,
    NotAMember,
    MeetingStartedElsewhere,

    /// <summary>Number: the group's meeting that is set up and has not started; it holds the next session until it starts or is cancelled.</summary>
    MeetingWaitingToStart,
    MemberGone,

    /// <summary>Name: the member, who is a participant of a meeting that is set up or running: delete them after it ends.</summary>
    MemberInMeetingInProgress,

    /// <summary>Max: the longest retention period, in months.</summary>
    RetentionOutOfRange,

    /// <summary>Name: the name as typed.</summary>
    NameTakenInGroup,

    /// <summary>Number: the highest session already set up or held.</summary>
    SessionsBelowHeld,

    /// <summary>Max: the length.</summary>
    ScriptTooLong,
    ScriptHasInvisibleCharacters,

    /// <summary>Max: the length.</summary>
    PlaceTooLong,
    PlaceHasInvisibleCharacters,

    // Caps (Engine Limits). Max: the cap.
    TooManyParticipants,
    TooManyMembers,
    TooManyGroups,
    TooManyAgendaItems,

    // Notes.
    NoteTooLong,
    NoteHasInvisibleCharacters,
    MeetingGone,
    NoteChangedElsewhere,

    // Meeting summaries. Max: the length or the count.
    SummaryEntryTooLong,
    SummaryEntryHasInvisibleCharacters,
    SummaryTooManyEntries,
    SummaryChangedElsewhere,
    MeetingNotEnded,
}

/// <summary>Which name a name rule is about, so its message can say so ("Please enter a member name").</summary>
public enum NameOf
{
    ParticipantName,
    MemberName,
    GroupName,
    FormatName,
    Alias,
    ActionOwner,
    NextChair,
}
