using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Fairness;

namespace FacilitatorKit.Application.Groups;

public enum GroupKind
{
    /// <summary>Anyone may come to any meeting.</summary>
    Open,

    /// <summary>An enrolled roster meets for a planned number of sessions.</summary>
    Closed,
}

/// <summary>A standing group. Plain data: storage maps it, and nothing here knows how.</summary>
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

    /// <summary>Read at the opening. Null: the app's default wording; empty: not read.</summary>
    public string? GroundRules { get; set; }

    /// <summary>Read at the opening. Null: the app's default wording; empty: not read.</summary>
    public string? Confidentiality { get; set; }

    /// <summary>The three assumptions, read at the opening. Null: the app's default wording; empty: not read.</summary>
    public string? Assumptions { get; set; }

    /// <summary>
    /// Retention: the notes of meetings held more than this many months ago are deleted, daily. Null (the default): notes
    /// are kept until someone deletes them.
    /// </summary>
    public int? NotesRetentionMonths { get; set; }
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

/// <summary>A format file, kept as written.</summary>
public sealed class FormatRecord
{
    public int Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The format file as JSON, exactly as loaded.</summary>
    public string Json { get; set; } = "";

    public bool BuiltIn { get; set; }
}

/// <summary>One meeting of a group, as the group's history lists it. The meeting itself is its log.</summary>
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

/// <summary>One time a member became chair at a meeting that started: as chair of the day, or by a handover during it.</summary>
public sealed record ChairTurn(int MeetingNumber, DateTimeOffset At, Guid Member, bool IsHandover);

/// <summary>
/// A closed group's attendance register: the sessions that were held (started, not cancelled), in order, the group's
/// members, and who came to which, late arrivals included.
/// </summary>
public sealed class AttendanceRegister(IReadOnlyList<MeetingRecord> sessions, IReadOnlyList<MemberRecord> members, IReadOnlySet<(Guid Meeting, Guid Member)> present)
{
    public IReadOnlyList<MeetingRecord> Sessions { get; } = sessions;
    public IReadOnlyList<MemberRecord> Members { get; } = members;

    public bool Came(Guid meeting, Guid member) => present.Contains((meeting, member));

    /// <summary>How many of the sessions held the member came to.</summary>
    public int Attended(Guid member) => Sessions.Count(s => Came(s.Id, member));
}

/// <summary>
/// Fairness over the group's recent meetings, for facilitator roles: each member who came to any of them, in the order
/// they joined (never ranked), with airtime, turns and share, and who has not spoken in any of them.
/// </summary>
public sealed record GroupBalance(int Meetings, FairnessReport Report);
