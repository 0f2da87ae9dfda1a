using FacilitatorKit.Data;
using FacilitatorKit.Data.Backups;

namespace FacilitatorKit.Web.Store;

/// <summary>
/// <c>--restore-backup FILE</c>: puts a backup back in place of the data, before the app starts (and then exits). The
/// backup is checked first (a FacilitatorKit database that SQLite's integrity check passes); the data as it was is kept
/// beside it as <c>NAME.before-restore-STAMP</c>. Exit code 0 when restored, 2 with a calm sentence when not.
/// </summary>
public static class RestoreCommand
{
    public const string Option = "restore-backup";

    /// <summary>Whether these arguments ask for a restore (then <see cref="Run"/> does it, and the app does not start).</summary>
    public static bool IsAsked(string[] args) =>
        args.Any(a => a.TrimStart('-', '/').Split('=')[0].Equals(Option, StringComparison.OrdinalIgnoreCase));

    /// <summary>Restores the backup the arguments name into the data the app would open with the same arguments.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build();
        var file = configuration[Option];
        if (string.IsNullOrWhiteSpace(file))
        {
            error.WriteLine("Say which backup to restore: --restore-backup <file> (the backups are in the \"backups\" folder next to the data).");
            return 2;
        }

        var connectionString = configuration.GetConnectionString(StoreSetup.ConnectionStringName) ?? StoreSetup.DefaultConnectionString();
        var database = StoreSetup.DatabasePath(connectionString);
        try
        {
            var aside = StoreBackups.Restore(connectionString, file, (clock ?? TimeProvider.System).GetUtcNow());
            output.WriteLine(aside is null
                ? $"Restored {database} from {Path.GetFullPath(file)}."
                : $"Restored {database} from {Path.GetFullPath(file)}; the data as it was is kept in {aside}.");
            return 0;
        }
        catch (InvalidDataException why)
        {
            error.WriteLine($"Nothing was restored: {Path.GetFullPath(file)} cannot be restored, because {why.Message} The data at {database} is unchanged.");
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            error.WriteLine($"The backup could not be restored into {database} ({e.GetType().Name}). Stop the app if it is running, check that the folder can be written, and try again; the data as it was is kept beside it if it was copied.");
            return 2;
        }
    }
}
