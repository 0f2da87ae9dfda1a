using FacilitatorKit.Data.Backups;
using FacilitatorKit.Testing;
using Microsoft.Data.Sqlite;

namespace FacilitatorKit.Data.Tests;

/// <summary>Issue 13 §6: a daily backup with SQLite's online backup, the last 7 kept, and a restore that checks first.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BackupTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _db = new();

    public BackupTests() => StoreSetup.Initialize(_db.ConnectionString);

    [Fact]
    public void Take_CopiesTheData_IntoABackupsFolderOnlyItsOwnerCanOpen_AndKeepsTheLastSeven()
    {
        AddGroup("Tuesday circle");

        var taken = Enumerable.Range(0, 9).Select(day => StoreBackups.Take(_db.ConnectionString, Monday.AddDays(day))).ToList();

        var folder = Path.Combine(_db.Folder, "backups");
        Assert.Equal(folder, Path.GetDirectoryName(taken[0]));
        Assert.Equal(OwnerOnly | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        Assert.Equal(taken.Skip(2).Reverse(), StoreBackups.List(_db.Path).Select(b => b.Path));
        Assert.Equal(taken.Skip(2).Order(), Directory.GetFiles(folder).Order()); // nothing else: no WAL, nothing half-written
        Assert.All(Directory.GetFiles(folder), file => Assert.Equal(OwnerOnly, File.GetUnixFileMode(file)));
        Assert.Equal(Monday.AddDays(8), StoreBackups.NewestAt(_db.Path));
        Assert.Equal(["Tuesday circle"], Groups(taken[^1]));
    }

    [Fact]
    public void Restore_PutsTheBackupBack_AndKeepsTheDataAsItWasBesideIt()
    {
        AddGroup("Tuesday circle");
        var backup = StoreBackups.Take(_db.ConnectionString, Monday);
        AddGroup("Thursday circle");

        var aside = StoreBackups.Restore(_db.ConnectionString, backup, Monday.AddHours(1));

        Assert.Equal(["Tuesday circle"], Groups(_db.Path));
        Assert.Equal(_db.Path + ".before-restore-20261207T030000Z", aside);
        Assert.Equal(["Thursday circle", "Tuesday circle"], Groups(aside!));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(aside!));
        StoreSetup.Initialize(_db.ConnectionString); // the app starts on it as usual
    }

    [Fact]
    public void Restore_AFileThatIsNotADatabase_IsRefused_AndTheDataIsUntouched()
    {
        AddGroup("Tuesday circle");
        var notes = Path.Combine(_db.Folder, "notes.txt");
        File.WriteAllText(notes, "Not a database at all, just some text that is long enough to look like a file.");
        SqliteConnection.ClearAllPools();
        var before = File.ReadAllBytes(_db.Path);

        var refused = Assert.Throws<InvalidDataException>(() => StoreBackups.Restore(_db.ConnectionString, notes, Monday));

        Assert.Contains("not a FacilitatorKit database", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(_db.Path));
        Assert.Empty(Directory.GetFiles(_db.Folder, "*.before-restore-*"));
    }

    [Fact]
    public void Restore_AnotherAppsDatabase_IsRefused()
    {
        var other = Path.Combine(_db.Folder, "other.db");
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = other, Pooling = false }.ToString()))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = """CREATE TABLE "Recipes" ("Name" TEXT);""";
            create.ExecuteNonQuery();
        }

        Assert.Equal("it is not a FacilitatorKit database.", StoreBackups.WhyNotARestorableBackup(other));
    }

    [Fact]
    public void Restore_ADamagedBackup_IsRefused()
    {
        for (var i = 0; i < 50; i++)
        {
            AddGroup($"Circle {i} " + new string('x', 300));
        }

        var backup = StoreBackups.Take(_db.ConnectionString, Monday);
        var bytes = File.ReadAllBytes(backup);
        var pageSize = (bytes[16] << 8) | bytes[17];
        Array.Fill(bytes, (byte)0xA5, pageSize * 2, bytes.Length - (pageSize * 2)); // all but the schema's page, overwritten
        File.WriteAllBytes(backup, bytes);

        Assert.NotNull(StoreBackups.WhyNotARestorableBackup(backup));
        Assert.Throws<InvalidDataException>(() => StoreBackups.Restore(_db.ConnectionString, backup, Monday));
    }

    public void Dispose() => _db.Dispose();

    private void AddGroup(string name)
    {
        using var connection = _db.Open();
        using var insert = connection.CreateCommand();
        insert.CommandText = """INSERT INTO "Groups" ("Id", "Name", "Kind", "CreatedAt", "SoftChime") VALUES ($id, $name, 'Open', 0, 0);""";
        insert.Parameters.AddWithValue("$id", Guid.NewGuid().ToString().ToUpperInvariant());
        insert.Parameters.AddWithValue("$name", name);
        insert.ExecuteNonQuery();
    }

    private static List<string> Groups(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var query = connection.CreateCommand();
        query.CommandText = """SELECT "Name" FROM "Groups" ORDER BY "Name";""";
        using var reader = query.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
