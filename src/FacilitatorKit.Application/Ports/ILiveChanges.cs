using FacilitatorKit.Application.Notes;
using FacilitatorKit.Engine;

namespace FacilitatorKit.Application.Ports;

/// <summary>
/// Tells every open view of a meeting about a change once it is stored: the meeting's new state, or a saved note.
/// A handler only queues work for its own view; one that throws is dropped and never stops the others, nor fails the
/// change that was stored.
/// </summary>
public interface ILiveChanges
{
    void MeetingChanged(MeetingState state);

    IDisposable WatchMeeting(MeetingId meeting, Action<MeetingState> onChange);

    void NoteSaved(NoteSnapshot note);

    IDisposable WatchNotes(MeetingId meeting, Action<NoteSnapshot> onSaved);

    /// <summary>How many views watch this meeting (for the latency measurements and tests).</summary>
    int WatcherCount(MeetingId meeting);
}
