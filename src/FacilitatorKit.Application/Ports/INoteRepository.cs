using FacilitatorKit.Application.Notes;
using FacilitatorKit.Engine;

namespace FacilitatorKit.Application.Ports;

/// <summary>Meeting notes, by meeting and agenda item, each with a version that goes up by one with every save.</summary>
public interface INoteRepository
{
    /// <summary>The note as stored; version 0 and no text when there is none yet.</summary>
    Task<NoteSnapshot> GetAsync(MeetingId meeting, int item, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the text as the next version if the note is still at <paramref name="basedOnVersion"/> (0: there is no
    /// note yet), in one atomic compare-and-set. False, and nothing written, when another save got there first.
    /// </summary>
    Task<bool> TrySaveAsync(MeetingId meeting, int item, string text, int basedOnVersion, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Every note of a meeting that has text, by item number.</summary>
    Task<IReadOnlyList<NoteSnapshot>> ForMeetingAsync(MeetingId meeting, CancellationToken cancellationToken = default);
}
