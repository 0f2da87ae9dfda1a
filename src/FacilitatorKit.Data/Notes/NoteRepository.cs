using FacilitatorKit.Application.Notes;
using FacilitatorKit.Application.Ports;
using FacilitatorKit.Data.Sessions;
using FacilitatorKit.Engine;
using Microsoft.EntityFrameworkCore;

namespace FacilitatorKit.Data.Notes;

/// <summary>Notes in SQLite, each save an atomic compare-and-set on its version.</summary>
public sealed class NoteRepository(IDbContextFactory<FacilitatorKitDb> contexts) : INoteRepository
{
    public async Task<NoteSnapshot> GetAsync(MeetingId meeting, int item, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var note = await db.Notes.AsNoTracking().FirstOrDefaultAsync(n => n.MeetingId == meeting.Value && n.ItemNumber == item, cancellationToken).ConfigureAwait(false);
        return note is null ? new(meeting, item, "", 0) : new(meeting, item, note.Text, note.Version);
    }

    public async Task<bool> TrySaveAsync(MeetingId meeting, int item, string text, int basedOnVersion, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (basedOnVersion == 0)
        {
            // Created unless another device created it first: that is a conflict to show, not an error to log.
            var id = LogProjections.Id(meeting.Value);
            var when = LogProjections.Instant(at);
            return await db.Database.ExecuteSqlInterpolatedAsync(
                $"""INSERT INTO "Notes" ("MeetingId", "ItemNumber", "Text", "Version", "UpdatedAt") VALUES ({id}, {item}, {text}, 1, {when}) ON CONFLICT DO NOTHING""",
                cancellationToken).ConfigureAwait(false) == 1;
        }

        // Only the save that names the current version wins.
        return await db.Notes
            .Where(n => n.MeetingId == meeting.Value && n.ItemNumber == item && n.Version == basedOnVersion)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Text, text).SetProperty(n => n.Version, basedOnVersion + 1).SetProperty(n => n.UpdatedAt, at), cancellationToken)
            .ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<NoteSnapshot>> ForMeetingAsync(MeetingId meeting, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var notes = await db.Notes.AsNoTracking().Where(n => n.MeetingId == meeting.Value && n.Text != "")
            .OrderBy(n => n.ItemNumber).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. notes.Select(n => new NoteSnapshot(meeting, n.ItemNumber, n.Text, n.Version))];
    }
}
