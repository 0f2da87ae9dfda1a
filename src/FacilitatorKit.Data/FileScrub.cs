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

    public static async Task ScrubAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await OneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, "PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY;", cancellationToken).ConfigureAwait(false);
            await CheckpointAsync(connection, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "VACUUM;", cancellationToken).ConfigureAwait(false);
            await CheckpointAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    /// <summary>The same, for start-up (after schema 6 moved the names out of the log).</summary>
    public static void Scrub(DbConnection connection) => ScrubAsync(connection).GetAwaiter().GetResult();

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
