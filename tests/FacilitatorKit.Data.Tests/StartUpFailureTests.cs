using FacilitatorKit.Data.Schema;
using FacilitatorKit.Testing;
using Microsoft.Data.Sqlite;

namespace FacilitatorKit.Data.Tests;

/// <summary>
/// Issue 13 F6: start-up failures (a folder that cannot be made, a corrupt file, a newer schema) ended in a raw stack
/// trace that did not name the file. Each is now one sentence that names the file and says what to do.
/// </summary>
public sealed class StartUpFailureTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "facilitatorkit-startup-" + Guid.NewGuid().ToString("N"));

    public StartUpFailureTests() => Directory.CreateDirectory(_root);

    [Fact]
    public void AFolderThatCannotBeMade_IsNamed_WithWhatToDo()
    {
        var notAFolder = Path.Combine(_root, "a-file");
        File.WriteAllText(notAFolder, "");
        var database = Path.Combine(notAFolder, "FacilitatorKit", "facilitatorkit.db");

        var error = Assert.Throws<StoreUnavailableException>(() => StoreSetup.Initialize(ConnectionTo(database)));

        Assert.StartsWith($"FacilitatorKit cannot open its data at {database}: its folder cannot be made or used", error.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:FacilitatorKit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileThatIsNotADatabase_IsNamed_WithWhatToDo()
    {
        var database = Path.Combine(_root, "facilitatorkit.db");
        File.WriteAllBytes(database, [.. Enumerable.Repeat((byte)'x', 8192)]);

        var error = Assert.Throws<StoreUnavailableException>(() => StoreSetup.Initialize(ConnectionTo(database)));

        Assert.Equal(
            $"FacilitatorKit cannot open its data at {database}: the file is not a FacilitatorKit database, or it is damaged. Restore it from a backup, or move it aside to start with an empty one.",
            error.Message);
        Assert.Equal(8192, new FileInfo(database).Length); // nothing was written over it
    }

    [Fact]
    public void ADatabaseFromANewerVersion_IsNamed_AndLeftAsItIs()
    {
        var database = Path.Combine(_root, "facilitatorkit.db");
        StoreSetup.Initialize(ConnectionTo(database));
        using (var connection = new SqliteConnection(ConnectionTo(database)))
        {
            connection.Open();
            StoreSetup.Execute(connection, $"PRAGMA user_version = {SchemaMigrator.LatestVersion + 1};");
        }

        var error = Assert.Throws<StoreUnavailableException>(() => StoreSetup.Initialize(ConnectionTo(database)));

        Assert.StartsWith($"FacilitatorKit cannot open its data at {database}: The database is at schema", error.Message, StringComparison.Ordinal);
        Assert.Contains("Update the app before opening it.", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private static string ConnectionTo(string database) => new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString();
}
