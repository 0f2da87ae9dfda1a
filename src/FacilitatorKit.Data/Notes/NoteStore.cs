using FacilitatorKit.Application.Validation;
using FacilitatorKit.Data.Model;
using FacilitatorKit.Data.Sessions;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Roles;
using Microsoft.EntityFrameworkCore;

namespace FacilitatorKit.Data.Notes;

/// <summary>A note as last saved. Item 0 is the meeting as a whole.</summary>
public sealed record NoteSnapshot(MeetingId Meeting, int Item, string Text, int Version);

public enum NoteSaveStatus
{
    Saved,

    /// <summary>Another device saved first. Both texts come back, so the writer can merge with both in view.</summary>
    Conflict,
    Invalid,
}

/// <param name="Current">What is stored now: the new version when saved, the other device's text on a conflict.</param>
/// <param name="Yours">On a conflict, the text that was not saved.</param>
public sealed record NoteSave(NoteSaveStatus Status, NoteSnapshot Current, string? Yours = null, string? Message = null);

/// <summary>
/// Meeting notes for group business: decisions, action items, resources, celebrations, next chair and meeting.
/// Every save names the version it edited; a save over someone else's newer text is a conflict, never an overwrite.
/// </summary>
public sealed class NoteStore(IDbContextFactory<FacilitatorKitDb> contexts, TimeProvider clock)
{
    public const string ConflictMessage = "Someone else changed this note while you were typing. Both versions are shown: keep what you need, then save.";

    public const int MaxLength = 20_000;

    // Which screen (a browser tab, by a random id the tab keeps for itself) saved the newest version of each note,
    // while this process runs: after a reload, a tab's own last save, which its box never drew, is no news to it
    // (NoteDraft.TypeAgain). Held in memory only; an id says nothing about a person and dies with its tab.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Guid Meeting, int Item), (int Version, string Screen)> _savedByScreen = new();

    /// <summary>Whether this version of the note is the newest, and was saved from that screen.</summary>
    public bool SavedByScreen(MeetingId meeting, int item, int version, string? screen) =>
        screen is not null && _savedByScreen.TryGetValue((meeting.Value, item), out var last) && last == (version, screen);

    /// <summary>Shown in the notes box: notes are for group business, not for what people shared.</summary>
    public const string Reminder = "Notes are for group business: decisions, action items, resources, celebrations, next chair and meeting. Please keep what people shared out of them.";

    public async Task<NoteSnapshot> GetAsync(MeetingId meeting, int item, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var note = await db.Notes.AsNoTracking().FirstOrDefaultAsync(n => n.MeetingId == meeting.Value && n.ItemNumber == item, cancellationToken).ConfigureAwait(false);
        return note is null ? new(meeting, item, "", 0) : new(meeting, item, note.Text, note.Version);
    }

    /// <summary>Saves the text as typed if the stored note is still at <paramref name="basedOnVersion"/> (0 for a new note).</summary>
    public async Task<NoteSave> SaveAsync(Actor actor, MeetingId meeting, int item, string? text, int basedOnVersion, CancellationToken cancellationToken = default) =>
        await SaveAsync(actor, meeting, item, text, basedOnVersion, screen: null, cancellationToken).ConfigureAwait(false);

    /// <summary>The same, from a screen (see <see cref="SavedByScreen"/>).</summary>
    public async Task<NoteSave> SaveAsync(Actor actor, MeetingId meeting, int item, string? text, int basedOnVersion, string? screen, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        text ??= "";
        if (Permissions.Check(actor, MeetingAction.Notes) is { } refusal)
        {
            return new(NoteSaveStatus.Invalid, await GetAsync(meeting, item, cancellationToken).ConfigureAwait(false), text, refusal.Reason);
        }

        if (Problem(text) is { } message)
        {
            return new(NoteSaveStatus.Invalid, await GetAsync(meeting, item, cancellationToken).ConfigureAwait(false), text, message);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (!await db.Meetings.AnyAsync(m => m.Id == meeting.Value, cancellationToken).ConfigureAwait(false))
        {
            return new(NoteSaveStatus.Invalid, new(meeting, item, "", 0), text, "That meeting no longer exists.");
        }

        var now = clock.GetUtcNow();
        bool saved;
        if (basedOnVersion == 0)
        {
            // Created unless another device created it first: that is a conflict to show, not an error to log.
            var id = LogProjections.Id(meeting.Value);
            var at = LogProjections.Instant(now);
            saved = await db.Database.ExecuteSqlInterpolatedAsync(
                $"""INSERT INTO "Notes" ("MeetingId", "ItemNumber", "Text", "Version", "UpdatedAt") VALUES ({id}, {item}, {text}, 1, {at}) ON CONFLICT DO NOTHING""",
                cancellationToken).ConfigureAwait(false) == 1;
        }
        else
        {
            // One atomic compare-and-set: only the save that names the current version wins.
            saved = await db.Notes
                .Where(n => n.MeetingId == meeting.Value && n.ItemNumber == item && n.Version == basedOnVersion)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Text, text).SetProperty(n => n.Version, basedOnVersion + 1).SetProperty(n => n.UpdatedAt, now), cancellationToken)
                .ConfigureAwait(false) == 1;
        }

        if (saved && screen is not null)
        {
            _savedByScreen[(meeting.Value, item)] = (basedOnVersion + 1, screen);
        }
        else if (saved)
        {
            _savedByScreen.TryRemove((meeting.Value, item), out _);
        }

        var current = await GetAsync(meeting, item, cancellationToken).ConfigureAwait(false);
        if (!saved)
        {
            return new(NoteSaveStatus.Conflict, current, text, ConflictMessage);
        }

        Announce(current);
        return new(NoteSaveStatus.Saved, current);
    }

    /// <summary>Every note of a meeting that has text, by item number: to read them back after their item.</summary>
    public async Task<IReadOnlyList<NoteSnapshot>> ForMeetingAsync(MeetingId meeting, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var notes = await db.Notes.AsNoTracking().Where(n => n.MeetingId == meeting.Value && n.Text != "")
            .OrderBy(n => n.ItemNumber).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. notes.Select(n => new NoteSnapshot(meeting, n.ItemNumber, n.Text, n.Version))];
    }

    /// <summary>
    /// Raised after a note is stored, so every open notes box of that meeting shows it (live, like the meeting).
    /// Handlers only queue work for their view; one that throws is skipped and never fails the save.
    /// </summary>
    public event Action<NoteSnapshot>? Saved;

    private void Announce(NoteSnapshot note)
    {
        foreach (var handler in Saved?.GetInvocationList() ?? [])
        {
            try
            {
                ((Action<NoteSnapshot>)handler)(note);
            }
            catch (Exception)
            {
                // A view's handler must never fail the writer's save; that view catches up on its next load.
            }
        }
    }

    private static string? Problem(string text)
    {
        if (text.Length > MaxLength)
        {
            return $"Notes can be at most {MaxLength:N0} characters.";
        }

        return text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            ? "The note contains characters that can't be stored, such as invisible control characters. Please remove them."
            : null;
    }
}
