using Microsoft.Data.Sqlite;
using FacilitatorKit.Data;
using Microsoft.EntityFrameworkCore;

namespace FacilitatorKit.Testing;

/// <summary>A database file of its own in a temporary folder, removed afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("fk-data-").FullName;
        Path = System.IO.Path.Combine(Folder, "test.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString();
    }

    public string Folder { get; }
    public string Path { get; }
    public string ConnectionString { get; }

    public IDbContextFactory<FacilitatorKitDb> Contexts => new Factory(ConnectionString);

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A test host still holding the file on its way out; the temp folder is cleaned by the OS.
        }
    }

    private sealed class Factory(string connectionString) : IDbContextFactory<FacilitatorKitDb>
    {
        public FacilitatorKitDb CreateDbContext() => new(StoreSetup.Options(connectionString));
    }
}
