using System.Data.Common;

namespace FacilitatorKit.Data;

/// <summary>
/// After something is deleted, its bytes must leave the disk too (issue 13 §4, DOMAIN.md rule 9). secure_delete (on
/// for every connection) zeroes what a delete frees in the database's pages, but the WAL still holds older copies of
/// those pages, and the WAL file keeps them even after a checkpoint until it is overwritten. So: checkpoint the WAL
/// into the file and truncate it to nothing, VACUUM (the file is rebuilt from the live rows only, so no free page and
/// no slack in a page keeps anything), and checkpoint and truncate again (in WAL mode VACUUM writes through the WAL).
/// VACUUM's temporary copy is kept in memory, not in a temporary file.
/// </summary>
public static class FileScrub
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);
    private static volatile bool _pending;

    /// <summary>
    /// A scrub that could not finish (the file stayed busy with a meeting's writes for longer than the retries): the
    /// deletion itself is done, and the next daily retention sweep scrubs again.
    /// </summary>
    public static bool Pending => _pending;

    /// <summary>Scrubs the file. False when it stayed busy and the scrub is left <see cref="Pending"/>; the deleted rows are gone either way.</summary>
    public static async Task<bool> ScrubAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await OneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _pending = true;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await ExecuteAsync(connection, "PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY;", cancellationToken).ConfigureAwait(false);
                    await CheckpointAsync(connection, cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(connection, "VACUUM;", cancellationToken).ConfigureAwait(false);
                    await CheckpointAsync(connection, cancellationToken).ConfigureAwait(false);
                    _pending = false;
                    return true;
                }
                catch (Microsoft.Data.Sqlite.SqliteException e) when (e.SqliteErrorCode is 5 or 6) // busy, locked (after busy_timeout)
                {
                    if (attempt >= 3)
                    {
                        return false;
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    /// <summary>The same, for start-up (after schema 6 moved the names out of the log).</summary>
    public static void Scrub(DbConnection connection) => _ = ScrubAsync(connection).GetAwaiter().GetResult();

    // A reader in the middle of a query keeps the checkpoint from finishing (it answers "busy"); such reads are short.
    private static async Task CheckpointAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var busy = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && reader.GetInt64(0) != 0;
            if (!busy || attempt >= 50)
            {
                return;
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
