using FacilitatorKit.Application.Groups;
using FacilitatorKit.Application.Ports;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Chair;
using Microsoft.EntityFrameworkCore;

namespace FacilitatorKit.Data.Groups;

/// <summary>Groups, members, formats and the meetings' rows in SQLite: one short-lived context per operation.</summary>
public sealed class GroupRepository(IDbContextFactory<FacilitatorKitDb> contexts) : IGroupRepository
{
    public async Task AddGroupAsync(GroupRecord group, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.Groups.Add(group);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<GroupRecord>> GroupsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Groups.AsNoTracking().OrderBy(g => g.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<GroupRecord?> GroupAsync(Guid groupId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<GroupRecord?> GroupOfMeetingAsync(MeetingId meeting, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Meetings.AsNoTracking().Where(m => m.Id == meeting.Value)
            .Join(db.Groups.AsNoTracking(), m => m.GroupId, g => g.Id, (m, g) => g)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task UpdateGroupAsync(GroupRecord group, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.Groups.Update(group);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task SetSoftChimeAsync(Guid groupId, bool on, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Groups.Where(g => g.Id == groupId).ExecuteUpdateAsync(s => s.SetProperty(g => g.SoftChime, on), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<MemberRecord>> MembersAsync(Guid groupId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Members.AsNoTracking().Where(m => m.GroupId == groupId).OrderBy(m => m.JoinedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<MemberRecord?> MemberAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken).ConfigureAwait(false);
    }

    public async Task AddMemberAsync(MemberRecord member, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.Members.Add(member);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task UpdateMemberAsync(MemberRecord member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var before = await db.Members.AsNoTracking().Where(m => m.Id == member.Id).Select(m => m.Name).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var renamed = before is not null && !string.Equals(before, member.Name, StringComparison.Ordinal);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            db.Members.Update(member);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            if (renamed)
            {
                // A member who chose another name is known by it in the group's past meetings too: the old name is
                // kept nowhere (issue 13 F4: after a rename the old name stayed in the file and its WAL).
                await db.ParticipantNames.Where(n => n.MemberId == member.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.Name, member.Name), cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (renamed)
        {
            await ScrubAsync(db, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<bool> InMeetingInProgressAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.ParticipantNames.AsNoTracking()
            .AnyAsync(n => n.MemberId == memberId && db.Meetings.Any(m => m.Id == n.MeetingId && (m.Phase == MeetingPhase.Gathering || m.Phase == MeetingPhase.Running)), cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<bool> DeleteMemberAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        // Their attendance, chair history and names at past meetings go with them (ON DELETE CASCADE): the meetings'
        // logs, which hold them by id only, then read them as "Removed member".
        var deleted = await db.Members.Where(m => m.Id == memberId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
        if (deleted)
        {
            await ScrubAsync(db, cancellationToken).ConfigureAwait(false);
        }

        return deleted;
    }

    public async Task<bool> DeleteMeetingAsync(Guid meetingId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        // Its log, notes, attendance, chair history and names go with it (ON DELETE CASCADE).
        var deleted = await db.Meetings.Where(m => m.Id == meetingId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
        if (deleted)
        {
            await ScrubAsync(db, cancellationToken).ConfigureAwait(false);
        }

        return deleted;
    }

    public async Task<IReadOnlyList<MeetingId>?> DeleteGroupAsync(Guid groupId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.GroupId == groupId).Select(m => m.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        // Members, meetings and everything theirs go with the group (ON DELETE CASCADE).
        if (await db.Groups.Where(g => g.Id == groupId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            return null;
        }

        await ScrubAsync(db, cancellationToken).ConfigureAwait(false);
        return [.. meetings.Select(id => new MeetingId(id))];
    }

    public async Task SetNotesRetentionAsync(Guid groupId, int? months, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Groups.Where(g => g.Id == groupId).ExecuteUpdateAsync(s => s.SetProperty(g => g.NotesRetentionMonths, months), cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> DeleteExpiredNotesAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var groups = await db.Groups.AsNoTracking().Where(g => g.NotesRetentionMonths != null)
            .Select(g => new { g.Id, Months = g.NotesRetentionMonths!.Value }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var deleted = 0;
        foreach (var group in groups)
        {
            // By the meeting's day, for meetings that are over: a note is as old as the meeting it was taken at.
            var cutoff = now.ToUniversalTime().AddMonths(-group.Months);
            var meetings = db.Meetings.Where(m => m.GroupId == group.Id && m.CreatedAt < cutoff
                && m.Phase != MeetingPhase.Gathering && m.Phase != MeetingPhase.Running).Select(m => m.Id);
            deleted += await db.Notes.Where(n => meetings.Contains(n.MeetingId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        if (deleted > 0 || FileScrub.Pending)
        {
            await ScrubAsync(db, cancellationToken).ConfigureAwait(false);
        }

        return deleted;
    }

    // After a deletion the deleted bytes leave the file and its WAL too (FileScrub).
    private static async Task ScrubAsync(FacilitatorKitDb db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await FileScrub.ScrubAsync(db.Database.GetDbConnection(), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<string>> FormatNamesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Formats.AsNoTracking().OrderBy(f => f.Id).Select(f => f.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<FormatRecord?> FormatAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Formats.AsNoTracking().FirstOrDefaultAsync(f => f.Name == name, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<MeetingRecord>> MeetingsAsync(Guid groupId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Meetings.AsNoTracking().Where(m => m.GroupId == groupId && m.LastSequence > 0 && m.Phase != MeetingPhase.Cancelled)
            .OrderByDescending(m => m.Number).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<(MeetingRecord Meeting, string Group)>> RecentMeetingsAsync(int count, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Meetings.AsNoTracking().Where(m => m.LastSequence > 0 && m.Phase != MeetingPhase.Cancelled)
            .Join(db.Groups.AsNoTracking(), m => m.GroupId, g => g.Id, (m, g) => new { Meeting = m, Group = g.Name })
            .OrderByDescending(x => x.Meeting.CreatedAt).Take(count).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => (r.Meeting, r.Group))];
    }

    public async Task<IReadOnlyList<MeetingId>> EndedMeetingsAsync(Guid groupId, MeetingId? except, int count, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var exclude = except?.Value ?? Guid.Empty;
        var ids = await db.Meetings.AsNoTracking()
            .Where(m => m.GroupId == groupId && m.Id != exclude && m.Phase == MeetingPhase.Ended)
            .OrderByDescending(m => m.Number).Take(count).Select(m => m.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. ids.Select(id => new MeetingId(id))];
    }

    public async Task<int> NextMeetingNumberAsync(Guid groupId, DateTimeOffset abandonedBefore, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Meetings.Where(m => m.GroupId == groupId && m.LastSequence == 0 && m.CreatedAt < abandonedBefore)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        return (await db.Meetings.Where(m => m.GroupId == groupId && m.Phase != MeetingPhase.Cancelled).MaxAsync(m => (int?)m.Number, cancellationToken).ConfigureAwait(false) ?? 0) + 1;
    }

    public async Task<bool> TryAddMeetingAsync(MeetingRecord meeting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var group = await db.Groups.FindAsync([meeting.GroupId], cancellationToken).ConfigureAwait(false);
        if (group is null)
        {
            return false;
        }

        db.Meetings.Add(meeting);
        group.LastFormatName = meeting.FormatName;
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            // The (group, number) index: another device set up this group's next meeting first.
            return false;
        }
    }

    public async Task<IReadOnlyList<ChairRecord>> ChairHistoryAsync(Guid groupId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        // A meeting that has not started (or never will) has chaired nobody yet.
        var rows = await db.ChairHistory.AsNoTracking()
            .Where(c => c.GroupId == groupId && db.Meetings.Any(m => m.Id == c.MeetingId && m.StartedAt != null && m.Phase != MeetingPhase.Cancelled))
            .Select(c => new { c.MemberId, c.At }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(h => new ChairRecord(new ParticipantId(h.MemberId), h.At))];
    }

    public async Task<IReadOnlyList<(Guid Meeting, Guid Member)>> AttendanceAsync(Guid groupId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Attendance.AsNoTracking()
            .Join(Held(db, groupId), a => a.MeetingId, m => m.Id, (a, m) => new { a.MeetingId, a.MemberId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => (r.MeetingId, r.MemberId))];
    }

    public async Task<IReadOnlyList<ChairTurn>> ChairTurnsAsync(Guid groupId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.ChairHistory.AsNoTracking().Where(c => c.GroupId == groupId)
            .Join(Held(db, groupId), c => c.MeetingId, m => m.Id, (c, m) => new { m.Number, c.At, c.MemberId, c.Change })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new ChairTurn(r.Number, r.At, r.MemberId, r.Change == Model.ChairChange.Handover)).OrderBy(t => t.At)];
    }

    // The group's meetings that were held: started, and not cancelled.
    private static IQueryable<MeetingRecord> Held(FacilitatorKitDb db, Guid groupId) =>
        db.Meetings.AsNoTracking().Where(m => m.GroupId == groupId && m.StartedAt != null && m.Phase != MeetingPhase.Cancelled);
}
