using FacilitatorKit.Application.Ports;
using FacilitatorKit.Application.Validation;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Application.Notes;

/// <summary>A note as last saved. Item 0 is the meeting as a whole.</summary>
public sealed record NoteSnapshot(MeetingId Meeting, int Item, string Text, int Version);

public enum NoteSaveStatus
{
    Saved,

    /// <summary>Another device saved first. Both texts come back, so the writer can merge with both in view.</summary>
    Conflict,

    /// <summary>Not saved: the writer may not write notes, or the text cannot be stored as it is.</summary>
    Refused,
}

/// <param name="Current">What is stored now: the new version when saved, the other device's text on a conflict.</param>
/// <param name="Yours">On a conflict or a refusal, the text that was not saved.</param>
/// <param name="Problem">Why it was not saved.</param>
public sealed record NoteSave(NoteSaveStatus Status, NoteSnapshot Current, string? Yours = null, FieldError? Problem = null);

/// <summary>
/// Meeting notes for group business: decisions, action items, resources, celebrations, next chair and meeting.
/// Every save names the version it edited; a save over someone else's newer text is a conflict, never an overwrite.
/// A save goes authorise → validate → compare-and-set → publish. Notes are for facilitator roles only (DOMAIN.md rule 6):
/// every operation names who acts, and a role that may not see notes reads none (an empty note), never an error.
/// </summary>
public sealed class NoteService(INoteRepository notes, IMeetingLog meetings, ILiveChanges live, TimeProvider clock)
{
    /// <summary>The longest note, in UTF-16 units as the browser counts them.</summary>
    public const int MaxLength = 20_000;

    public Task<NoteSnapshot> GetAsync(Actor? actor, MeetingId meeting, int item, CancellationToken cancellationToken = default) =>
        MayNot(actor) is null ? notes.GetAsync(meeting, item, cancellationToken) : Task.FromResult(new NoteSnapshot(meeting, item, "", 0));

    /// <summary>Saves the text as typed if the stored note is still at <paramref name="basedOnVersion"/> (0 for a new note).</summary>
    public async Task<NoteSave> SaveAsync(Actor? actor, MeetingId meeting, int item, string? text, int basedOnVersion, CancellationToken cancellationToken = default)
    {
        text ??= "";

        // AUTHORISE
        if (MayNot(actor) is { } refusal)
        {
            // What is stored stays unseen by a role that may not read notes.
            return new(NoteSaveStatus.Refused, new(meeting, item, "", 0), text, FieldError.From("Text", refusal));
        }

        // VALIDATE
        if (Problem(text) is { } problem)
        {
            return new(NoteSaveStatus.Refused, await notes.GetAsync(meeting, item, cancellationToken).ConfigureAwait(false), text, problem);
        }

        if (!await meetings.ExistsAsync(meeting, cancellationToken).ConfigureAwait(false))
        {
            return new(NoteSaveStatus.Refused, new(meeting, item, "", 0), text, new FieldError("Text", InputProblem.MeetingGone));
        }

        // STORE, if nobody else saved first
        var saved = await notes.TrySaveAsync(meeting, item, text, basedOnVersion, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var current = await notes.GetAsync(meeting, item, cancellationToken).ConfigureAwait(false);
        if (!saved)
        {
            return new(NoteSaveStatus.Conflict, current, text, new FieldError("Text", InputProblem.NoteChangedElsewhere));
        }

        // PUBLISH, only after the save succeeded
        live.NoteSaved(current);
        return new(NoteSaveStatus.Saved, current);
    }

    /// <summary>Every note of a meeting that has text, by item number: to read them back after their item.</summary>
    public Task<IReadOnlyList<NoteSnapshot>> ForMeetingAsync(Actor? actor, MeetingId meeting, CancellationToken cancellationToken = default) =>
        MayNot(actor) is null ? notes.ForMeetingAsync(meeting, cancellationToken) : Task.FromResult<IReadOnlyList<NoteSnapshot>>([]);

    private static Refusal? MayNot(Actor? actor) =>
        actor is null ? new Refusal(RefusalReason.RoleMayNot) : Permissions.Check(actor, MeetingAction.Notes);

    private static FieldError? Problem(string text)
    {
        if (text.Length > MaxLength)
        {
            return new FieldError("Text", InputProblem.NoteTooLong, ("Max", MaxLength));
        }

        return text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            ? new FieldError("Text", InputProblem.NoteHasInvisibleCharacters)
            : null;
    }
}
