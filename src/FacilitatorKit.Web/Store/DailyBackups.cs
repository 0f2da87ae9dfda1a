using FacilitatorKit.Data;
using FacilitatorKit.Data.Backups;

namespace FacilitatorKit.Web.Store;

/// <summary>
/// A backup of the data every day, with SQLite's online backup, into the <c>backups</c> folder next to the database,
/// keeping the last <see cref="StoreBackups.Keep"/> (issue 13 §6). One is taken at start when the newest is a day old
/// or more (or there is none), then a day after the newest. Time comes from <see cref="TimeProvider"/>. It logs the
/// backup's path only; a backup that fails is logged and tried again in an hour, and never stops a meeting.
/// </summary>
public sealed partial class DailyBackups(string connectionString, TimeProvider clock, ILogger<DailyBackups> log) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromDays(1);
    public static readonly TimeSpan RetryAfter = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // never in the way of the app's start
        var database = StoreSetup.DatabasePath(connectionString);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var wait = RetryAfter;
            try
            {
                var due = StoreBackups.NewestAt(database) is { } newest ? newest + Every : now;
                if (due <= now)
                {
                    var taken = StoreBackups.Take(connectionString, now);
                    LogBackedUp(log, taken);
                    due = now + Every;
                }

                wait = due - now;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogFailed(log, StoreBackups.Folder(database), e.GetType().Name);
            }

            try
            {
                await Task.Delay(wait, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backed up the data to {Path}")]
    private static partial void LogBackedUp(ILogger log, string path);

    // The folder and the kind of failure only: an exception's message may quote the data.
    [LoggerMessage(Level = LogLevel.Warning, Message = "The daily backup into {Folder} failed ({Failure}); it is tried again in an hour")]
    private static partial void LogFailed(ILogger log, string folder, string failure);
}
