using System.Globalization;
using FacilitatorKit.Data.Schema;
using Microsoft.Data.Sqlite;

namespace FacilitatorKit.Data.Backups;

/// <summary>
/// Copies of the database taken with SQLite's online backup (a consistent copy while the app runs), kept in a
/// <c>backups</c> folder next to the database: the last <see cref="Keep"/>, each one file named by when it was taken
/// (UTC). The folder is its owner's alone (0700) and each copy is read and written by its owner only (0600), like the
/// database itself: they hold the same special-category data.
/// </summary>
public static class StoreBackups
{
    /// <summary>How many backups are kept; older ones are removed when a new one is taken.</summary>
    public const int Keep = 7;

    public const string FolderName = "backups";

    private const string Stamp = "yyyyMMdd'T'HHmmss'Z'";
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The folder the backups of this database go to.</summary>
    public static string Folder(string databasePath) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, FolderName);

    /// <summary>The backups of this database there are, newest first, with when each was taken.</summary>
    public static IReadOnlyList<(string Path, DateTimeOffset TakenAt)> List(string databasePath)
    {
        var folder = Folder(databasePath);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var prefix = Path.GetFileNameWithoutExtension(databasePath) + "-";
        var found = new List<(string, DateTimeOffset)>();
        foreach (var file in Directory.EnumerateFiles(folder, prefix + "*.db"))
        {
            var stamp = Path.GetFileNameWithoutExtension(file)[prefix.Length..];
            if (DateTimeOffset.TryParseExact(stamp, Stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                found.Add((file, at));
            }
        }

        return [.. found.OrderByDescending(b => b.Item2)];
    }

    /// <summary>When the newest backup was taken; null when there is none.</summary>
    public static DateTimeOffset? NewestAt(string databasePath) => List(databasePath) is [var newest, ..] ? newest.TakenAt : null;

    /// <summary>
    /// Takes a backup of the database now, with SQLite's online backup (the app may keep writing meanwhile), then removes
    /// all but the newest <see cref="Keep"/>. Returns the backup's path.
    /// </summary>
    public static string Take(string connectionString, DateTimeOffset now)
    {
        var database = StoreSetup.DatabasePath(connectionString);
        var folder = Folder(database);
        CreatePrivateFolder(folder);
        var path = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(database)}-{now.UtcDateTime.ToString(Stamp, CultureInfo.InvariantCulture)}.db");
        var partial = path + ".partial";
        File.Delete(partial);
        CreatePrivateFile(partial);
        try
        {
            using (var source = new SqliteConnection(connectionString))
            using (var copy = Open(partial, SqliteOpenMode.ReadWrite))
            {
                source.Open();
                copy.Open();
                source.BackupDatabase(copy);

                // One file on its own, with no WAL beside it: it can be copied, moved and opened read-only as it is.
                Execute(copy, "PRAGMA journal_mode = DELETE;");
            }

            // Whole or not at all: a backup that stopped half-way never takes a backup's name.
            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }

        foreach (var (old, _) in List(database).Skip(Keep))
        {
            File.Delete(old);
        }

        return path;
    }

    /// <summary>
    /// Null when the file is a FacilitatorKit database this version can open, whole (SQLite's integrity check) and with
    /// its tables; otherwise why not, in words for whoever is restoring. The file is only read.
    /// </summary>
    public static string? WhyNotARestorableBackup(string file)
    {
        if (!File.Exists(file))
        {
            return "there is no such file.";
        }

        try
        {
            using var connection = Open(Path.GetFullPath(file), SqliteOpenMode.ReadOnly);
            connection.Open();
            var check = Scalar(connection, "PRAGMA integrity_check;");
            if (!string.Equals(check, "ok", StringComparison.Ordinal))
            {
                return "it is damaged (SQLite's integrity check did not pass). Try an older backup.";
            }

            var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
            string[] tables = ["Groups", "Members", "Meetings", "MeetingEvents", "Notes"];
            var present = tables.Count(t => Scalar(connection, $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{t}';") == "1");
            if (version < 1 || present != tables.Length)
            {
                return "it is not a FacilitatorKit database.";
            }

            if (version > SchemaMigrator.LatestVersion)
            {
                return "it was written by a newer version of FacilitatorKit. Update the app before restoring it.";
            }

            return null;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 26 or 11)
        {
            return "it is not a FacilitatorKit database, or it is damaged.";
        }
        catch (SqliteException)
        {
            return "it cannot be read.";
        }
    }

    /// <summary>
    /// Replaces the database with a backup, with SQLite's backup API, after checking the backup
    /// (<see cref="WhyNotARestorableBackup"/>) and copying the database as it is now aside, next to it, as
    /// <c>NAME.before-restore-STAMP</c>. Run it while the app is stopped.
    /// </summary>
    /// <returns>Where the database as it was is kept (null when there was none).</returns>
    /// <exception cref="InvalidDataException">The file is not a backup that can be restored; the message says why. Nothing was changed.</exception>
    public static string? Restore(string connectionString, string backupFile, DateTimeOffset now)
    {
        if (WhyNotARestorableBackup(backupFile) is { } why)
        {
            throw new InvalidDataException(why);
        }

        var database = StoreSetup.DatabasePath(connectionString);
        string? aside = null;
        if (File.Exists(database))
        {
            aside = $"{database}.before-restore-{now.UtcDateTime.ToString(Stamp, CultureInfo.InvariantCulture)}";
            CreatePrivateFile(aside);
            using var current = new SqliteConnection(connectionString);
            using var copy = Open(aside, SqliteOpenMode.ReadWrite);
            current.Open();
            copy.Open();
            current.BackupDatabase(copy);
            Execute(copy, "PRAGMA journal_mode = DELETE;");
        }
        else
        {
            CreatePrivateFolder(Path.GetDirectoryName(database)!);
            CreatePrivateFile(database);
        }

        using (var source = Open(Path.GetFullPath(backupFile), SqliteOpenMode.ReadOnly))
        using (var target = new SqliteConnection(connectionString))
        {
            source.Open();
            target.Open();
            source.BackupDatabase(target);
            Execute(target, "PRAGMA journal_mode = WAL;");
        }

        SqliteConnection.ClearAllPools();
        return aside;
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());

    private static void CreatePrivateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, OwnerOnly | UnixFileMode.UserExecute);
        }
    }

    // SQLite gives the file the mode it finds, so the file is made (empty, 0600) before SQLite writes to it.
    private static void CreatePrivateFile(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using var created = new FileStream(path, options);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
