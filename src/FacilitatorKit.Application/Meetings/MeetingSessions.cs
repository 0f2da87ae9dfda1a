using System.Collections.Concurrent;
using FacilitatorKit.Application.Ports;
using FacilitatorKit.Application.Validation.Commands;
using FacilitatorKit.Engine;

namespace FacilitatorKit.Application.Meetings;

/// <summary>
/// The meetings in progress on this server, one session each. A session is restored from its log by replay the
/// first time it is asked for; deadlines are instants, so a meeting restored later shows the right time.
/// </summary>
public sealed class MeetingSessions(IMeetingLog log, ILiveChanges live, CommandValidation validation, TimeProvider clock) : IDisposable
{
    private readonly ConcurrentDictionary<MeetingId, Lazy<Task<MeetingSession>>> _sessions = new();

    /// <summary>The session of a meeting that exists in the store; null when there is no such meeting.</summary>
    public async Task<MeetingSession?> GetAsync(MeetingId id, CancellationToken cancellationToken = default)
    {
        if (!_sessions.ContainsKey(id) && !await log.ExistsAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var lazy = _sessions.GetOrAdd(id, key => new Lazy<Task<MeetingSession>>(() => RestoreAsync(key)));
        try
        {
            return await lazy.Value.ConfigureAwait(false);
        }
        catch
        {
            _sessions.TryRemove(new(id, lazy));
            throw;
        }
    }

    /// <summary>
    /// A meeting's state read from its log, without keeping a session for it: for history (ended meetings) that
    /// should not stay in memory. A meeting in progress is read from its live session.
    /// </summary>
    public async Task<MeetingState> ReadAsync(MeetingId id, CancellationToken cancellationToken = default)
    {
        if (_sessions.TryGetValue(id, out var live) && live.IsValueCreated && live.Value.IsCompletedSuccessfully)
        {
            return live.Value.Result.State;
        }

        return Meeting.Replay(id, await log.ReadAsync(id, 0, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>How many meetings have a session in memory.</summary>
    public int Count => _sessions.Count;

    /// <summary>Restores every meeting that was in progress (set up or running) when the app stopped.</summary>
    public async Task<int> RestoreInProgressAsync(CancellationToken cancellationToken = default)
    {
        var ids = await log.InProgressAsync(cancellationToken).ConfigureAwait(false);
        foreach (var id in ids)
        {
            await GetAsync(id, cancellationToken).ConfigureAwait(false);
        }

        return ids.Count;
    }

    public void Dispose()
    {
        foreach (var lazy in _sessions.Values.Where(l => l.IsValueCreated && l.Value.IsCompletedSuccessfully))
        {
            lazy.Value.Result.Dispose();
        }
    }

    private async Task<MeetingSession> RestoreAsync(MeetingId id)
    {
        var events = await log.ReadAsync(id, 0).ConfigureAwait(false);
        return new MeetingSession(Meeting.Replay(id, events), log, live, validation, clock);
    }
}
