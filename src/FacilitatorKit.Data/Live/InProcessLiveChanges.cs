using System.Collections.Concurrent;
using FacilitatorKit.Application.Notes;
using FacilitatorKit.Application.Ports;
using FacilitatorKit.Engine;

namespace FacilitatorKit.Data.Live;

/// <summary>
/// Live changes within one server process: each meeting keeps its watchers in an immutable array, so a publish reads
/// it without a lock while views come and go. A handler that throws is dropped and never stops the others.
/// </summary>
public sealed class InProcessLiveChanges : ILiveChanges
{
    private readonly ConcurrentDictionary<MeetingId, Watchers<MeetingState>> _meetings = new();
    private readonly ConcurrentDictionary<MeetingId, Watchers<NoteSnapshot>> _notes = new();

    public void MeetingChanged(MeetingState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (_meetings.TryGetValue(state.Id, out var watchers))
        {
            watchers.Tell(state);
        }
    }

    public IDisposable WatchMeeting(MeetingId meeting, Action<MeetingState> onChange) =>
        _meetings.GetOrAdd(meeting, _ => new()).Add(onChange);

    public void NoteSaved(NoteSnapshot note)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (_notes.TryGetValue(note.Meeting, out var watchers))
        {
            watchers.Tell(note);
        }
    }

    public IDisposable WatchNotes(MeetingId meeting, Action<NoteSnapshot> onSaved) =>
        _notes.GetOrAdd(meeting, _ => new()).Add(onSaved);

    public int WatcherCount(MeetingId meeting) => _meetings.TryGetValue(meeting, out var watchers) ? watchers.Count : 0;

    private sealed class Watchers<T>
    {
        private readonly Lock _lock = new();
        private Watcher[] _items = [];

        public int Count => Volatile.Read(ref _items).Length;

        public IDisposable Add(Action<T> handler)
        {
            ArgumentNullException.ThrowIfNull(handler);
            var watcher = new Watcher(this, handler);
            lock (_lock)
            {
                _items = [.. _items, watcher];
            }

            return watcher;
        }

        public void Tell(T change)
        {
            // Each view's handler only schedules its own re-render; one that throws is not allowed to stop the rest.
            foreach (var watcher in Volatile.Read(ref _items))
            {
                try
                {
                    watcher.Handler(change);
                }
                catch (Exception)
                {
                    watcher.Dispose();
                }
            }
        }

        private void Remove(Watcher watcher)
        {
            lock (_lock)
            {
                _items = [.. _items.Where(w => !ReferenceEquals(w, watcher))];
            }
        }

        private sealed class Watcher(Watchers<T> owner, Action<T> handler) : IDisposable
        {
            private int _disposed;

            public Action<T> Handler => handler;

            public void Dispose()
            {
                if (Interlocked.Exchange(ref _disposed, 1) == 0)
                {
                    owner.Remove(this);
                }
            }
        }
    }
}
