using FacilitatorKit.Application.Groups;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Chair;

namespace FacilitatorKit.Application.Ports;

/// <summary>Groups, their members, the formats, and the list of each group's meetings. Storage implements it.</summary>
public interface IGroupRepository
{
    Task AddGroupAsync(GroupRecord group, CancellationToken cancellationToken = default);

    /// <summary>Every group, by name.</summary>
    Task<IReadOnlyList<GroupRecord>> GroupsAsync(CancellationToken cancellationToken = default);

    Task<GroupRecord?> GroupAsync(Guid groupId, CancellationToken cancellationToken = default);

    Task<GroupRecord?> GroupOfMeetingAsync(MeetingId meeting, CancellationToken cancellationToken = default);

    /// <summary>Saves a group's name, kind, planned sessions and opening scripts.</summary>
    Task UpdateGroupAsync(GroupRecord group, CancellationToken cancellationToken = default);

    Task SetSoftChimeAsync(Guid groupId, bool on, CancellationToken cancellationToken = default);

    /// <summary>A group's members, in the order they joined.</summary>
    Task<IReadOnlyList<MemberRecord>> MembersAsync(Guid groupId, CancellationToken cancellationToken = default);

    Task<MemberRecord?> MemberAsync(Guid memberId, CancellationToken cancellationToken = default);

    Task AddMemberAsync(MemberRecord member, CancellationToken cancellationToken = default);

    /// <summary>Saves a member. A new name replaces the old one at the group's past meetings too, and the old one leaves the file.</summary>
    Task UpdateMemberAsync(MemberRecord member, CancellationToken cancellationToken = default);

    /// <summary>Whether the member is a participant of a meeting that is set up or running.</summary>
    Task<bool> InMeetingInProgressAsync(Guid memberId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the member and everything that names them (attendance, chair history, their names at past meetings),
    /// then scrubs the file (WAL checkpoint and VACUUM). False when there was no such member.
    /// </summary>
    Task<bool> DeleteMemberAsync(Guid memberId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the meeting with its log, notes, attendance, chair history and names, then scrubs the file.</summary>
    Task<bool> DeleteMeetingAsync(Guid meetingId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the group with its members and meetings and all theirs, then scrubs the file. The meetings it had; null when there was no such group.</summary>
    Task<IReadOnlyList<MeetingId>?> DeleteGroupAsync(Guid groupId, CancellationToken cancellationToken = default);

    /// <summary>Retention: delete the notes of meetings held more than this many months ago; null keeps them.</summary>
    Task SetNotesRetentionAsync(Guid groupId, int? months, CancellationToken cancellationToken = default);

    /// <summary>Applies every group's retention at <paramref name="now"/>: returns how many notes were deleted (the file is scrubbed when any were).</summary>
    Task<int> DeleteExpiredNotesAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The formats' names, in the order they were added (the built-in ones first).</summary>
    Task<IReadOnlyList<string>> FormatNamesAsync(CancellationToken cancellationToken = default);

    Task<FormatRecord?> FormatAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>A group's meetings that were set up, newest first.</summary>
    Task<IReadOnlyList<MeetingRecord>> MeetingsAsync(Guid groupId, CancellationToken cancellationToken = default);

    /// <summary>The most recent meetings that were set up, across all groups, newest first, with their group's name.</summary>
    Task<IReadOnlyList<(MeetingRecord Meeting, string Group)>> RecentMeetingsAsync(int count, CancellationToken cancellationToken = default);

    /// <summary>The ids of a group's most recent ended meetings (but <paramref name="except"/>), newest first.</summary>
    Task<IReadOnlyList<MeetingId>> EndedMeetingsAsync(Guid groupId, MeetingId? except, int count, CancellationToken cancellationToken = default);

    /// <summary>
    /// The number the group's next meeting takes. Meeting rows created before <paramref name="abandonedBefore"/> whose
    /// set-up never landed (the app stopped in between) are cleared first: they hold no session of the series.
    /// </summary>
    Task<int> NextMeetingNumberAsync(Guid groupId, DateTimeOffset abandonedBefore, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds the meeting's row and remembers its format as the group's last. False, and nothing written, when another
    /// device took that number for the group first.
    /// </summary>
    Task<bool> TryAddMeetingAsync(MeetingRecord meeting, CancellationToken cancellationToken = default);

    /// <summary>Who came to each of the group's meetings that started and were not cancelled: (meeting, member) pairs.</summary>
    Task<IReadOnlyList<(Guid Meeting, Guid Member)>> AttendanceAsync(Guid groupId, CancellationToken cancellationToken = default);

    /// <summary>Every chair of the group's meetings that started, of the day and by handover, in time order.</summary>
    Task<IReadOnlyList<ChairTurn>> ChairTurnsAsync(Guid groupId, CancellationToken cancellationToken = default);

    /// <summary>Every time a member of the group became chair (of the day, or by a handover).</summary>
    Task<IReadOnlyList<ChairRecord>> ChairHistoryAsync(Guid groupId, CancellationToken cancellationToken = default);
}
