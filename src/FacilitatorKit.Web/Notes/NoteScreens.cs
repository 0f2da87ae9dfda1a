using System.Collections.Concurrent;
using FacilitatorKit.Application.Notes;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Web.Notes;

/// <summary>
/// Note saves from the screens (browser tabs), remembering which screen, by the random id a tab keeps for itself,
/// saved the newest version of each note while this process runs: after a reload, a tab's own last save, which its
/// box never drew, is no news to it (<see cref="NoteDraft.TypeAgain"/>). Held in memory only; an id says nothing
/// about a person and dies with its tab.
/// </summary>
public sealed class NoteScreens(NoteService notes)
{
    private readonly ConcurrentDictionary<(MeetingId Meeting, int Item), (int Version, string? Screen)> _lastSave = new();

    public NoteService Notes => notes;

    public Task<NoteSnapshot> GetAsync(Actor? actor, MeetingId meeting, int item) => notes.GetAsync(actor, meeting, item);

    public async Task<NoteSave> SaveAsync(Actor? actor, MeetingId meeting, int item, string? text, int basedOnVersion, string? screen = null)
    {
        var result = await notes.SaveAsync(actor, meeting, item, text, basedOnVersion).ConfigureAwait(false);
        if (result.Status == NoteSaveStatus.Saved)
        {
            _lastSave[(meeting, item)] = (result.Current.Version, screen);
        }

        return result;
    }

    /// <summary>Whether this version of the note is the newest saved from a screen, and that screen saved it.</summary>
    public bool SavedByScreen(MeetingId meeting, int item, int version, string? screen) =>
        screen is not null && _lastSave.TryGetValue((meeting, item), out var last) && last == (version, screen);
}
