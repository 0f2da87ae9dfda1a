using System.Collections.Concurrent;
using FacilitatorKit.Application.Ports;
using FacilitatorKit.Application.Validation.Commands;
using FacilitatorKit.Engine;

namespace FacilitatorKit.Application.Meetings;

/// <summary>
/// The meetings in progress on this server, one session each. A session is restored from its log by replay the
/// first time it is asked for; deadlines are instants, so a meeting restored later shows the right time.
/// A session of a meeting that has ended (or was cancelled) is released once nobody has watched it or asked for it for
/// <see cref="ReleaseAfter"/> (issue 12 F7: sessions were never released); asked for again, it is restored from its log.
/// A meeting set up or running is never released.
/// </summary>
public sealed class MeetingSessions : IDisposable
{
    /// <summary>How long an ended meeting's session stays in memory after it was last asked for and last watched.</summary>
    public static readonly TimeSpan ReleaseAfter = TimeSpan.FromMinutes(10);

    /// <summary>How often the sessions are looked over for ones to release.</summary>
    public static readonly TimeSpan LookOverEvery = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<MeetingId, Lazy<Task<MeetingSession>>> _sessions = new();
    private readonly ConcurrentDictionary<MeetingId, DateTimeOffset> _lastAsked = new();
    private readonly ConcurrentDictionary<MeetingId, bool> _deleted = new();

    // Taken by GetAsync to hand a session out and by ReleaseIdle to decide on one: a session just handed out (whose
    // page is about to watch it) is never released in between.
    private readonly Lock _handing = new();
    private readonly IMeetingLog log;
    private readonly ILiveChanges live;
    private readonly CommandValidation validation;
    private readonly TimeProvider clock;
    private readonly ITimer _lookOver;

    public MeetingSessions(IMeetingLog log, ILiveChanges live, CommandValidation validation, TimeProvider clock)
    {
        this.log = log;
        this.live = live;
        this.validation = validation;
        this.clock = clock;
        _lookOver = clock.CreateTimer(_ => ReleaseIdle(), null, LookOverEvery, LookOverEvery);
    }

    /// <summary>The session of a meeting that exists in the store; null when there is no such meeting.</summary>
    /// <exception cref="MeetingLogUnreadableException">The meeting's log cannot be read back; asked again, it is read again.</exception>
    public async Task<MeetingSession?> GetAsync(MeetingId id, CancellationToken cancellationToken = default)
    {
        if (!_sessions.ContainsKey(id) && !await log.ExistsAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        Lazy<Task<MeetingSession>> lazy;
        lock (_handing)
        {
            _lastAsked[id] = clock.GetUtcNow();
            lazy = _sessions.GetOrAdd(id, key => new Lazy<Task<MeetingSession>>(() => RestoreAsync(key)));
        }

        try
        {
            return await lazy.Value.ConfigureAwait(false);
        }
        catch
        {
            _sessions.TryRemove(new(id, lazy));
            _lastAsked.TryRemove(id, out _);
            throw;
        }
    }

    /// <summary>
    /// A meeting's state read from its log, without keeping a session for it: for history (ended meetings) that
    /// should not stay in memory. A meeting in progress is read from its live session.
    /// </summary>
    /// <exception cref="MeetingLogUnreadableException">The meeting's log cannot be read back.</exception>
    public async Task<MeetingState> ReadAsync(MeetingId id, CancellationToken cancellationToken = default)
    {
        if (_sessions.TryGetValue(id, out var live) && live.IsValueCreated && live.Value.IsCompletedSuccessfully)
        {
            return live.Value.Result.State;
        }

        return await ReplayAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Forgets a meeting's session, whatever its phase, because a person in it was deleted: the next
    /// <see cref="GetAsync"/> or <see cref="ReadAsync"/> reads it again from the store, where their name is gone
    /// ("Removed member").
    /// </summary>
    public void Release(MeetingId id)
    {
        lock (_handing)
        {
            _sessions.TryRemove(id, out _);
            _lastAsked.TryRemove(id, out _);
        }
    }

    /// <summary>
    /// The meeting was deleted: its session is dropped from memory (a meeting in progress too), and the views still
    /// open on it are told, so they say it no longer exists rather than offer controls that can no longer be saved.
    /// </summary>
    public void Deleted(MeetingId id)
    {
        _deleted[id] = true;
        Lazy<Task<MeetingSession>>? lazy;
        lock (_handing)
        {
            _sessions.TryRemove(id, out lazy);
            _lastAsked.TryRemove(id, out _);
        }

        if (lazy is { IsValueCreated: true } && lazy.Value.IsCompletedSuccessfully)
        {
            live.MeetingChanged(lazy.Value.Result.State); // wakes the views, which then ask WasDeleted
        }
    }

    /// <summary>Whether the meeting was deleted while this server ran (a view open on it says so).</summary>
    public bool WasDeleted(MeetingId id) => _deleted.ContainsKey(id);

    /// <summary>How many meetings have a session in memory.</summary>
    public int Count => _sessions.Count;

    /// <summary>
    /// Restores every meeting that was in progress (set up or running) when the app stopped. A meeting whose log cannot
    /// be read (a damaged page, an event this version does not know) is left out and named in the report, so that one
    /// damaged meeting never stops the app, nor the other meetings, from starting (issue 13 F6).
    /// </summary>
    public async Task<RestoreReport> RestoreInProgressAsync(CancellationToken cancellationToken = default)
    {
        var ids = await log.InProgressAsync(cancellationToken).ConfigureAwait(false);
        var unreadable = new List<MeetingId>();
        foreach (var id in ids)
        {
            try
            {
                await GetAsync(id, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
            {
                unreadable.Add(id);
            }
        }

        return new RestoreReport(ids.Count - unreadable.Count, unreadable);
    }

    /// <summary>
    /// Releases the sessions of ended or cancelled meetings that no view watches and nobody asked for in the last
    /// <see cref="ReleaseAfter"/>; the timer calls it every <see cref="LookOverEvery"/>. Returns how many it released.
    /// </summary>
    public int ReleaseIdle()
    {
        var now = clock.GetUtcNow();
        var released = 0;
        foreach (var (id, lazy) in _sessions)
        {
            if (!lazy.IsValueCreated || !lazy.Value.IsCompletedSuccessfully)
            {
                continue; // still being restored
            }

            var session = lazy.Value.Result;
            lock (_handing)
            {
                if (session.State.Phase is not (MeetingPhase.Ended or MeetingPhase.Cancelled)
                    || live.WatcherCount(id) > 0
                    || (_lastAsked.TryGetValue(id, out var asked) && now - asked < ReleaseAfter)
                    || now - session.LastChanged < ReleaseAfter)
                {
                    continue;
                }

                // Not disposed: a page that still holds it (its view already gone) may yet send a command, which the
                // log's version check keeps from going astray. The next GetAsync restores a fresh session from the log.
                if (_sessions.TryRemove(new(id, lazy)))
                {
                    _lastAsked.TryRemove(id, out _);
                    released++;
                }
            }
        }

        return released;
    }

    public void Dispose()
    {
        _lookOver.Dispose();
        foreach (var lazy in _sessions.Values.Where(l => l.IsValueCreated && l.Value.IsCompletedSuccessfully))
        {
            lazy.Value.Result.Dispose();
        }
    }

    private async Task<MeetingSession> RestoreAsync(MeetingId id) =>
        new(await ReplayAsync(id, CancellationToken.None).ConfigureAwait(false), log, live, validation, clock);

    // A log that cannot be read back, or replayed, is said as such (the views word it calmly); whatever the cause.
    private async Task<MeetingState> ReplayAsync(MeetingId id, CancellationToken cancellationToken)
    {
        try
        {
            return Meeting.Replay(id, await log.ReadAsync(id, 0, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException or ObjectDisposedException))
        {
            throw new MeetingLogUnreadableException(id, e);
        }
    }
}

/// <summary>What a restore at start-up brought back, and which meetings' logs could not be read.</summary>
public sealed record RestoreReport(int Restored, IReadOnlyList<MeetingId> Unreadable);
