using System.Data.Common;
using FacilitatorKit.Application.Formats;
using FacilitatorKit.Application.Groups;
using FacilitatorKit.Data.Model;
using FacilitatorKit.Data.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FacilitatorKit.Data;

/// <summary>Where the data lives, and how the store is opened: WAL, synchronous=FULL, foreign keys, migrations.</summary>
public static class StoreSetup
{
    /// <summary>The configuration key that overrides where the data lives (standard ASP.NET Core connection strings).</summary>
    public const string ConnectionStringName = "FacilitatorKit";

    /// <summary>The per-user data folder: ~/.local/share/FacilitatorKit on Linux, %LOCALAPPDATA%\FacilitatorKit on Windows.</summary>
    public static string DefaultDataFolder() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "FacilitatorKit");

    public static string DefaultConnectionString() =>
        new SqliteConnectionStringBuilder { DataSource = Path.Combine(DefaultDataFolder(), "facilitatorkit.db") }.ToString();

    /// <summary>The database file a connection string points at (for the start-up log line and the README's backup advice).</summary>
    public static string DatabasePath(string connectionString) => Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    /// <summary>Whether the data is in a file (not in memory): only then is there a folder to keep private and back up.</summary>
    public static bool IsOnDisk(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return !string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory;
    }

    public static DbContextOptions<FacilitatorKitDb> Options(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<FacilitatorKitDb>();
        Configure(builder, connectionString);
        return builder.Options;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseSqlite(connectionString).AddInterceptors(SqlitePragmas.Instance);
    }

    /// <summary>
    /// Creates the folder, switches the file to WAL, applies the schema scripts and seeds the built-in formats.
    /// Safe to run at every start.
    /// </summary>
    /// <exception cref="StoreUnavailableException">The folder cannot be made, the disk is read-only or full, the file
    /// is not a database or is damaged, or it was written by a newer version: the message names the file and what to do.</exception>
    public static void Initialize(string connectionString, string? formatsFolder = null)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var onDisk = !string.IsNullOrEmpty(path) && path != ":memory:";
        try
        {
            if (onDisk)
            {
                KeepPrivate(Path.GetFullPath(path));
            }

            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA secure_delete = ON;");
            if (SchemaMigrator.Migrate(connection).Contains(SchemaMigrator.NamesOutOfTheLog) && onDisk)
            {
                // The names just moved out of the log are still in the WAL and in old pages: gone from the disk now.
                FileScrub.Scrub(connection);
            }

            if (formatsFolder is not null && Directory.Exists(formatsFolder))
            {
                SeedFormats(connection, formatsFolder);
            }
        }
        catch (Exception e) when (onDisk && WhyUnavailable(e) is { } reason)
        {
            throw new StoreUnavailableException(Path.GetFullPath(path), reason, e);
        }
    }

    // What went wrong, in words for whoever started the app, or null for a fault that is not about the data's place.
    private static string? WhyUnavailable(Exception error) => error switch
    {
        SqliteException { SqliteErrorCode: 26 or 11 } =>
            "the file is not a FacilitatorKit database, or it is damaged. Restore it from a backup, or move it aside to start with an empty one.",
        SqliteException { SqliteErrorCode: 13 } or IOException { HResult: 28 or unchecked((int)0x80070070) } =>
            "the disk is full. Free some space, then start the app again.",
        SqliteException { SqliteErrorCode: 8 or 14 or 23 } or UnauthorizedAccessException =>
            "the file or its folder cannot be written (a read-only disk, or a folder that belongs to someone else). Choose another place with ConnectionStrings:FacilitatorKit.",
        IOException =>
            $"its folder cannot be made or used ({error.Message}). Choose another place with ConnectionStrings:FacilitatorKit.",
        InvalidOperationException when error.Message.Contains("newer than this version", StringComparison.Ordinal) => error.Message,
        _ => null,
    };

    /// <summary>
    /// Membership of a support group is special-category personal data: on Linux and macOS the folder the app creates
    /// is its owner's alone (0700), and the database file and its WAL and shared-memory files are read and written by
    /// the owner only (0600). SQLite gives the files it creates next to the database the database file's mode, so the
    /// file is made (empty) before SQLite opens it; files from an earlier version are tightened. On Windows the
    /// per-user application data folder is private already.
    /// </summary>
    private static void KeepPrivate(string database)
    {
        var folder = Path.GetDirectoryName(database)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, OwnerOnly | UnixFileMode.UserExecute);
        }

        if (!File.Exists(database))
        {
            using var created = new FileStream(database, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly });
        }

        foreach (var file in new[] { database, database + "-wal", database + "-shm", database + "-journal" })
        {
            if (File.Exists(file) && (File.GetUnixFileMode(file) & ~OwnerOnly) != 0)
            {
                File.SetUnixFileMode(file, OwnerOnly);
            }
        }
    }

    /// <summary>Adds each built-in format file the store does not have yet, keeping its JSON as written.</summary>
    public static void SeedFormats(string connectionString, string formatsFolder)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        SeedFormats(connection, formatsFolder);
    }

    // Plain SQL rather than EF Core: this runs at every start, before the first page, and EF Core's first use (building
    // its model, compiling its queries) costs more than a second of CPU on a small laptop. It is paid later, in the
    // background, once the app is already answering (FacilitatorKitApp warms it up).
    private static void SeedFormats(SqliteConnection connection, string formatsFolder)
    {
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var names = connection.CreateCommand())
        {
            names.CommandText = """SELECT "Name" FROM "Formats";""";
            using var reader = names.ExecuteReader();
            while (reader.Read())
            {
                known.Add(reader.GetString(0));
            }
        }

        var added = new List<(string Name, string Json)>();
        foreach (var file in Directory.EnumerateFiles(formatsFolder, "*.json").Order(StringComparer.Ordinal))
        {
            var json = File.ReadAllText(file);
            var format = FormatFile.Parse(json, Path.GetFileName(file));
            if (known.Add(format.Name))
            {
                added.Add((format.Name, json));
            }
        }

        if (added.Count == 0)
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """INSERT INTO "Formats" ("Name", "Json", "BuiltIn") VALUES ($name, $json, 1);""";
        var name = insert.Parameters.Add("$name", SqliteType.Text);
        var body = insert.Parameters.Add("$json", SqliteType.Text);
        foreach (var (formatName, json) in added)
        {
            name.Value = formatName;
            body.Value = json;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    internal static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Every connection waits for a busy database instead of failing, enforces foreign keys, and syncs fully.</summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();

        // secure_delete: what is deleted (a member, a note, a cancelled meeting's rows) is overwritten with zeros in the
        // file, not left readable in a free page (issue 13 F4: a deleted name stayed in the file three times).
        private const string Pragmas = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA secure_delete = ON;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Execute(connection, Pragmas);

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
