using FacilitatorKit.Application.Notes;
using FacilitatorKit.Application.Ports;
using FacilitatorKit.Data;
using FacilitatorKit.Data.Notes;
using FacilitatorKit.Engine;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FacilitatorKit.Testing;

/// <summary>
/// The notes store, failing on purpose while <see cref="Failing"/> is set: every save throws what SQLite throws when
/// the disk is full (SQLITE_FULL), and nothing is written. Reading still works. Clear it, and the disk has room again.
/// </summary>
public sealed class FailingNoteStore(INoteRepository inner) : INoteRepository
{
    private volatile bool _failing;
    private int _failed;

    public bool Failing { get => _failing; set => _failing = value; }

    /// <summary>How many saves have failed so far.</summary>
    public int Failed => Volatile.Read(ref _failed);

    public Task<NoteSnapshot> GetAsync(MeetingId meeting, int item, CancellationToken cancellationToken = default) =>
        inner.GetAsync(meeting, item, cancellationToken);

    public Task<bool> TrySaveAsync(MeetingId meeting, int item, string text, int basedOnVersion, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (_failing)
        {
            Interlocked.Increment(ref _failed);
            throw new SqliteException("SQLite Error 13: 'database or disk is full'.", 13);
        }

        return inner.TrySaveAsync(meeting, item, text, basedOnVersion, at, cancellationToken);
    }

    public Task<IReadOnlyList<NoteSnapshot>> ForMeetingAsync(MeetingId meeting, CancellationToken cancellationToken = default) =>
        inner.ForMeetingAsync(meeting, cancellationToken);

    /// <summary>Puts this store in place of the app's notes store (after AddFacilitatorKitStore).</summary>
    public static void ReplaceIn(IServiceCollection services)
    {
        services.RemoveAll<INoteRepository>();
        services.AddSingleton(s => new FailingNoteStore(new NoteRepository(s.GetRequiredService<IDbContextFactory<FacilitatorKitDb>>())));
        services.AddSingleton<INoteRepository>(s => s.GetRequiredService<FailingNoteStore>());
    }
}
