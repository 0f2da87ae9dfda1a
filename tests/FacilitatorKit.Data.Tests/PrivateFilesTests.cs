using Microsoft.Data.Sqlite;

namespace FacilitatorKit.Data.Tests;

/// <summary>
/// Issue 12 §5: the data is its owner's alone on a shared machine: the folder 0700, the database and its WAL 0600.
/// (Unix file modes: Windows keeps the per-user application data private by its own rules.)
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivateFilesTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "facilitatorkit-private-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void ANewStore_IsCreatedInAFolderOnlyItsOwnerCanOpen_WithFilesOnlyTheOwnerCanRead()
    {
        var database = Path.Combine(_root, "FacilitatorKit", "facilitatorkit.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString();

        StoreSetup.Initialize(connectionString);
        using var open = new SqliteConnection(connectionString);
        open.Open();
        using (var write = open.CreateCommand())
        {
            write.CommandText = """CREATE TABLE "Probe" ("X" INTEGER); INSERT INTO "Probe" VALUES (1);""";
            write.ExecuteNonQuery();
        }

        Assert.Equal(OwnerOnly | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(database)!));
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
        {
            Assert.True(File.Exists(file), $"{Path.GetFileName(file)} is there while the store is open");
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void AStoreFromAnEarlierVersion_ReadableByOthers_IsTightenedAtStart()
    {
        Directory.CreateDirectory(_root);
        var database = Path.Combine(_root, "facilitatorkit.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString();
        StoreSetup.Initialize(connectionString);
        File.SetUnixFileMode(database, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        StoreSetup.Initialize(connectionString);

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(database));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
