using FacilitatorKit.Engine;

namespace FacilitatorKit.Data.Model;

public enum GroupKind
{
    /// <summary>Anyone may come to any meeting.</summary>
    Open,

    /// <summary>An enrolled roster meets for a planned number of sessions.</summary>
    Closed,
}

public sealed class GroupRecord
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public GroupKind Kind { get; set; }

    /// <summary>For a closed group: how many sessions are planned.</summary>
    public int? PlannedSessions { get; set; }

    /// <summary>A soft chime at time's up; off unless the group turns it on.</summary>
    public bool SoftChime { get; set; }

    public string? LastFormatName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A member: a first name or alias only.</summary>
public sealed class MemberRecord
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public string Name { get; set; } = "";
    public bool VolunteersForChair { get; set; }

    /// <summary>On a closed group's enrolment roster.</summary>
    public bool Enrolled { get; set; }

    public bool HasLeft { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
}

public sealed class FormatRecord
{
    public int Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The format file as JSON, exactly as loaded.</summary>
    public string Json { get; set; } = "";

    public bool BuiltIn { get; set; }
}

public sealed class MeetingRecord
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }

    /// <summary>The meeting's place in the group's series: session N (of the group's planned M, for a closed group).</summary>
    public int Number { get; set; }

    public string FormatName { get; set; } = "";
    public MeetingPhase Phase { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The sequence number of the last event in the log.</summary>
    public long LastSequence { get; set; }
}

/// <summary>One entry of a meeting's append-only event log. (MeetingId, Sequence) is unique.</summary>
public sealed class MeetingEventRecord
{
    public Guid MeetingId { get; set; }
    public long Sequence { get; set; }
    public Guid CommandId { get; set; }
    public string Type { get; set; } = "";
    public string Data { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>Notes for group business, per meeting and agenda item (item 0: the meeting as a whole).</summary>
public sealed class NoteRecord
{
    public Guid MeetingId { get; set; }
    public int ItemNumber { get; set; }
    public string Text { get; set; } = "";

    /// <summary>Goes up by one with every save; a save must name the version it edited.</summary>
    public int Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class AttendanceRecord
{
    public Guid MeetingId { get; set; }
    public Guid MemberId { get; set; }
}

public enum ChairChange
{
    /// <summary>Chair of the day, chosen when the meeting was set up.</summary>
    OfTheDay,

    /// <summary>Handed over during the meeting.</summary>
    Handover,
}

public sealed class ChairHistoryRecord
{
    public long Id { get; set; }
    public Guid GroupId { get; set; }
    public Guid MemberId { get; set; }
    public Guid MeetingId { get; set; }
    public DateTimeOffset At { get; set; }
    public ChairChange Change { get; set; }
}
