using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Data.Sessions;
using FacilitatorKit.Engine;
using Microsoft.Data.Sqlite;

namespace FacilitatorKit.Benchmarks.Store;

/// <summary>
/// Restoring a meeting of 2,000 events from disk, as after a restart: a fresh <see cref="MeetingLog"/> and
/// <see cref="MeetingSessions"/> (nothing in memory), no pooled connections, then <c>GetAsync(id)</c>, which checks the
/// meeting exists, reads its log, deserializes the events and replays them. Goal: under 50 ms.
/// The process has already built EF Core's model (once per process); the store mode's "restore" also measures a
/// new process's first restore.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(5)]
[IterationCount(30)]
[SuppressMessage("Design", "CA1001", Justification = "Each iteration's log and sessions are disposed in IterationCleanup, the store in GlobalCleanup.")]
public class RestoreBenchmarks
{
    private BenchStore _store = null!;
    private MeetingLog? _log;
    private MeetingSessions? _sessions;

    [GlobalSetup]
    public void SetUp() => _store = RestoreFile.CreateAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void CleanUp() => _store.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>As after a restart: no pooled connections, and no log writer or sessions yet.</summary>
    [IterationSetup]
    public void ForgetEverything()
    {
        SqliteConnection.ClearAllPools();
        (_log, _sessions) = (null, null);
    }

    [IterationCleanup]
    public void Close()
    {
        _sessions?.Dispose();
        _log?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "Restore a 2,000-event meeting from disk")]
    public async Task<MeetingState> Restore()
    {
        (_log, _sessions) = _store.OpenAgain();
        var session = await _sessions.GetAsync(RestoreFile.Meeting) ?? throw new InvalidOperationException("The meeting is missing.");
        return session.State.Version == RestoreFile.Events ? session.State : throw new InvalidOperationException("Wrong version.");
    }
}
