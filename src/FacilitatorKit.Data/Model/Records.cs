namespace FacilitatorKit.Data.Model;

/// <summary>One entry of a meeting's append-only event log. (MeetingId, Sequence) is unique.</summary>
public sealed class MeetingEventRecord
{
    public Guid MeetingId { get; set; }
    public long Sequence { get; set; }
    public Guid CommandId { get; set; }
    public string Type { get; set; } = "";
    public string Data { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>The role the command was sent in (schema 7); null before schema 7 and for work done outside any device.</summary>
    public string? ActorRole { get; set; }

    /// <summary>The device the command came from (schema 7): never a name.</summary>
    public Guid? DeviceId { get; set; }
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

/// <summary>One saved version of a meeting's summary (issue 13 §1): its content as JSON. Versions are never changed.</summary>
public sealed class MeetingSummaryRecord
{
    public Guid MeetingId { get; set; }

    /// <summary>1, 2, 3…: each save adds the next.</summary>
    public int Version { get; set; }

    public string Content { get; set; } = "";
    public DateTimeOffset SavedAt { get; set; }
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

/// <summary>
/// The name a person had at one meeting, kept apart from the append-only log so it can be erased (schema 6): deleting
/// the member (MemberId) or the meeting deletes it, and the log then reads that person as "Removed member".
/// MemberId is set when the person is a member of the group (their participant id is their member id); guests and
/// newcomers have none, and their names go with the meeting.
/// </summary>
public sealed class ParticipantNameRecord
{
    public Guid MeetingId { get; set; }
    public Guid ParticipantId { get; set; }
    public Guid? MemberId { get; set; }
    public string Name { get; set; } = "";
}
