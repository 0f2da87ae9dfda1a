using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Application.Notes;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Testing;
using FacilitatorKit.Web.Notes;
using Microsoft.Extensions.Time.Testing;

namespace FacilitatorKit.Web.Components.Tests.Notes;

/// <summary>A store with meetings to write notes for, the screens' note saves over it, and a way to hear every save.</summary>
public sealed class DraftFixture : IAsyncDisposable
{
    private readonly SessionFixture _store = new();
    private readonly List<IDisposable> _hearing = [];
    private readonly List<Action<NoteSnapshot>> _listeners = [];
    private readonly List<FacilitatorKit.Engine.MeetingId> _meetings = [];

    public DraftFixture()
    {
        Notes = new NoteScreens(_store.Notes);
    }

    public NoteScreens Notes { get; }
    public FakeTimeProvider Clock => _store.Clock;

    public async Task<(MeetingSession Session, Participant[] People)> NewMeetingAsync(params string[] names)
    {
        var meeting = await _store.NewMeetingAsync(names);
        _meetings.Add(meeting.Session.Id);
        foreach (var listener in _listeners)
        {
            _hearing.Add(_store.Host.Live.WatchNotes(meeting.Session.Id, listener));
        }

        return meeting;
    }

    /// <summary>Tells <paramref name="listener"/> of every note saved in this fixture's meetings, as an open notes box hears them.</summary>
    public IDisposable HearSaves(Action<NoteSnapshot> listener)
    {
        _listeners.Add(listener);
        var watching = _meetings.Select(m => _store.Host.Live.WatchNotes(m, listener)).ToList();
        _hearing.AddRange(watching);
        return new Stop(() =>
        {
            _listeners.Remove(listener);
            watching.ForEach(w => w.Dispose());
        });
    }

    private sealed class Stop(Action stop) : IDisposable
    {
        public void Dispose() => stop();
    }

    public async ValueTask DisposeAsync()
    {
        _hearing.ForEach(h => h.Dispose());
        await _store.DisposeAsync();
    }
}
