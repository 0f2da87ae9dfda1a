using System.Collections.Concurrent;
using FacilitatorKit.Engine;
using Microsoft.EntityFrameworkCore;

namespace FacilitatorKit.Data.Sessions;

/// <summary>
/// The meetings in progress on this server, one session each. A session is restored from its log by replay the
/// first time it is asked for; deadlines are instants, so a meeting restored later shows the right time.
/// </summary>
public sealed class MeetingSessions(IDbContextFactory<FacilitatorKitDb> contexts, MeetingLog log, TimeProvider clock) : IDisposable
{
    private readonly ConcurrentDictionary<MeetingId, Lazy<Task<MeetingSession>>> _sessions = new();

    /// <summary>The session of a meeting that exists in the store; null when there is no such meeting.</summary>
    public async Task<MeetingSession?> GetAsync(MeetingId id, CancellationToken cancellationToken = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await db.Meetings.AnyAsync(m => m.Id == id.Value, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
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

        return Meeting.Replay(id, await log.ReadAsync(id, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>How many meetings have a session in memory.</summary>
    public int Count => _sessions.Count;

    /// <summary>Restores every meeting that was in progress (set up or running) when the app stopped.</summary>
    public async Task<int> RestoreInProgressAsync(CancellationToken cancellationToken = default)
    {
        List<Guid> ids;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            ids = await db.Meetings.AsNoTracking()
                .Where(m => m.Phase == MeetingPhase.Gathering || m.Phase == MeetingPhase.Running)
                .Select(m => m.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var id in ids)
        {
            await GetAsync(new MeetingId(id), cancellationToken).ConfigureAwait(false);
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
        var events = await log.ReadAsync(id).ConfigureAwait(false);
        return new MeetingSession(Meeting.Replay(id, events), log, clock);
    }
}
