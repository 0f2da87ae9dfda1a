using FacilitatorKit.Data.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using FacilitatorKit.Testing;

namespace FacilitatorKit.Data.Tests;

public class SchemaTests
{
    [Fact]
    public void MigratedSchema_MatchesTheEfModel()
    {
        using var migrated = new TempDatabase();
        StoreSetup.Initialize(migrated.ConnectionString);

        using var modelled = new TempDatabase();
        using (var db = new FacilitatorKitDb(StoreSetup.Options(modelled.ConnectionString)))
        {
            db.Database.EnsureCreated();
        }

        using var a = migrated.Open();
        using var b = modelled.Open();
        Assert.Equal(Describe(b), Describe(a));
    }

    [Fact]
    public void Initialize_SetsWalAndTheLatestVersion_AndIsSafeToRepeat()
    {
        using var temp = new TempDatabase();
        StoreSetup.Initialize(temp.ConnectionString);
        StoreSetup.Initialize(temp.ConnectionString);

        using var connection = temp.Open();
        Assert.Equal(SchemaMigrator.LatestVersion, SchemaMigrator.CurrentVersion(connection));
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
    }

    [Fact]
    public void Contexts_SyncFullyAndEnforceForeignKeys()
    {
        using var temp = new TempDatabase();
        StoreSetup.Initialize(temp.ConnectionString);
        using var db = new FacilitatorKitDb(StoreSetup.Options(temp.ConnectionString));
        db.Database.OpenConnection();
        var connection = (SqliteConnection)db.Database.GetDbConnection();

        Assert.Equal("2", Scalar(connection, "PRAGMA synchronous;")); // 2 = FULL
        Assert.Equal("1", Scalar(connection, "PRAGMA foreign_keys;"));
        Assert.Equal("1", Scalar(connection, "PRAGMA secure_delete;"));
    }

    /// <summary>
    /// Issue 13 F4: with secure_delete off, a deleted name was still in the file. A name written and deleted through the
    /// store, once the WAL is checkpointed, is in neither the database file nor its WAL.
    /// </summary>
    [Fact]
    public void ADeletedName_IsGoneFromTheFile_AfterACheckpoint()
    {
        using var temp = new TempDatabase();
        StoreSetup.Initialize(temp.ConnectionString);
        var canary = "Zq" + Guid.NewGuid().ToString("N")[..12];
        var group = new Application.Groups.GroupRecord { Id = Guid.NewGuid(), Name = "Canary circle", CreatedAt = DateTimeOffset.UtcNow };
        var member = new Application.Groups.MemberRecord { Id = Guid.NewGuid(), GroupId = group.Id, Name = canary, JoinedAt = DateTimeOffset.UtcNow };
        using (var db = new FacilitatorKitDb(StoreSetup.Options(temp.ConnectionString)))
        {
            db.Groups.Add(group);
            db.Members.Add(member);
            db.SaveChanges();
            db.Members.Remove(member);
            db.SaveChanges();
            db.Database.OpenConnection();
            Scalar((SqliteConnection)db.Database.GetDbConnection(), "PRAGMA wal_checkpoint(TRUNCATE);");
        }

        SqliteConnection.ClearAllPools();
        var path = StoreSetup.DatabasePath(temp.ConnectionString);
        foreach (var file in new[] { path, path + "-wal" }.Where(File.Exists))
        {
            var bytes = File.ReadAllBytes(file);
            Assert.True(bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(canary)) < 0, $"{Path.GetFileName(file)} still holds the deleted name");
        }
    }

    [Fact]
    public void Migrate_DatabaseFromANewerApp_RefusesWithAClearMessage()
    {
        using var temp = new TempDatabase();
        using var connection = temp.Open();
        StoreSetup.Execute(connection, $"PRAGMA user_version = {SchemaMigrator.LatestVersion + 1};");

        var error = Assert.Throws<InvalidOperationException>(() => SchemaMigrator.Migrate(connection));
        Assert.Contains("newer than this version", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Tables with their columns, keys, indexes and foreign keys, in a stable text form. Column defaults are left out.</summary>
    private static List<string> Describe(SqliteConnection connection)
    {
        var lines = new List<string>();
        var tables = Rows(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;").Select(r => r[0]).ToList();
        foreach (var table in tables)
        {
            lines.AddRange(Rows(connection, $"PRAGMA table_info(\"{table}\");")
                .Select(c => $"{table}.{c[1]} {c[2]} notnull={c[3]} pk={c[5]}").Order(StringComparer.Ordinal));
            lines.AddRange(Rows(connection, $"PRAGMA foreign_key_list(\"{table}\");")
                .Select(f => $"{table} fk {f[3]} -> {f[2]}.{f[4]} on delete {f[6]}").Order(StringComparer.Ordinal));
            foreach (var index in Rows(connection, $"PRAGMA index_list(\"{table}\");").Where(i => !i[1].StartsWith("sqlite_autoindex", StringComparison.Ordinal)))
            {
                var columns = string.Join(",", Rows(connection, $"PRAGMA index_info(\"{index[1]}\");").Select(c => c[2]));
                lines.Add($"{table} index {index[1]} unique={index[2]} ({columns})");
            }

            lines.AddRange(Rows(connection, $"SELECT sql FROM sqlite_master WHERE tbl_name = '{table}' AND type = 'table';")
                .Select(r => r[0].Contains("COLLATE NOCASE", StringComparison.Ordinal) ? $"{table} has NOCASE" : $"{table} plain"));
        }

        return lines;
    }

    private static List<string[]> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!)]);
        }

        return rows;
    }

    private static string Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}

public class AppendOnlyLogTests
{
    [Fact]
    public async Task MeetingLog_RefusesAnyChangeToAWrittenEvent()
    {
        await using var f = new SessionFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");

        using var connection = f.Database.Open();
        var error = Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() =>
            StoreSetup.Execute(connection, "UPDATE \"MeetingEvents\" SET \"Data\" = '{}' WHERE \"Sequence\" = 1;"));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, f.StoredEventCount(session.Id));
    }
}

public class SeedingTests
{
    [Fact]
    public void Initialize_WithTheSamplesFolder_SeedsTheThreeBuiltInFormatsOnce()
    {
        var folder = Path.Combine(RepositoryRoot(), "samples", "formats");
        using var temp = new TempDatabase();

        StoreSetup.Initialize(temp.ConnectionString, folder);
        StoreSetup.Initialize(temp.ConnectionString, folder);

        using var db = new FacilitatorKitDb(StoreSetup.Options(temp.ConnectionString));
        Assert.Equal(["Closed group session", "Peer support circle", "Short check-in"], db.Formats.Select(f => f.Name).OrderBy(n => n).ToList());
        Assert.All(db.Formats, f => Assert.True(f.BuiltIn));
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "FacilitatorKit.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("FacilitatorKit.sln not found above the test folder.");
    }
}
