using FacilitatorKit.Data;
using FacilitatorKit.Data.Backups;
using FacilitatorKit.Testing;
using FacilitatorKit.Web.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FacilitatorKit.Web.Components.Tests.Store;

/// <summary>Issue 13 §6: an automatic daily backup, and a documented command that restores one.</summary>
public sealed class BackupAndRestoreTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _db = new();

    public BackupAndRestoreTests() => StoreSetup.Initialize(_db.ConnectionString);

    [Fact]
    public async Task DailyBackups_TakeOneAtStart_ThenOneADay_AndKeepTheLastSeven()
    {
        var clock = new FakeTimeProvider(Monday);
        using var backups = new DailyBackups(_db.ConnectionString, clock, NullLogger<DailyBackups>.Instance);

        await backups.StartAsync(CancellationToken.None);
        await BackupsAsync(1);
        Assert.Equal(Monday, StoreBackups.NewestAt(_db.Path));

        clock.Advance(TimeSpan.FromHours(23));
        await Task.Delay(200);
        Assert.Single(StoreBackups.List(_db.Path)); // not yet a day

        for (var day = 1; day <= 9; day++)
        {
            clock.Advance(day == 1 ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1));
            await BackupsAsync(Math.Min(day + 1, StoreBackups.Keep), Monday.AddDays(day));
        }

        Assert.Equal(StoreBackups.Keep, StoreBackups.List(_db.Path).Count);
        await backups.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task DailyBackups_AtStart_TakeNone_WhenTheNewestIsUnderADayOld()
    {
        StoreBackups.Take(_db.ConnectionString, Monday.AddHours(-5));
        var clock = new FakeTimeProvider(Monday);
        using var backups = new DailyBackups(_db.ConnectionString, clock, NullLogger<DailyBackups>.Instance);

        await backups.StartAsync(CancellationToken.None);
        await Task.Delay(300);
        Assert.Single(StoreBackups.List(_db.Path));

        clock.Advance(TimeSpan.FromHours(19)); // a day after the newest
        await BackupsAsync(2, Monday.AddHours(19));
        await backups.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void RestoreCommand_PutsTheBackupBack_AndSaysSoInOneSentence()
    {
        var backup = StoreBackups.Take(_db.ConnectionString, Monday);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = RestoreCommand.Run(["--restore-backup", backup, $"--ConnectionStrings:FacilitatorKit={_db.ConnectionString}"], output, error, new FakeTimeProvider(Monday.AddHours(1)));

        Assert.Equal(0, code);
        Assert.Equal("", error.ToString());
        Assert.Equal(
            $"Restored {_db.Path} from {backup}; the data as it was is kept in {_db.Path}.before-restore-20261207T030000Z.",
            output.ToString().TrimEnd());
        Assert.True(RestoreCommand.IsAsked(["--restore-backup", backup]));
        Assert.False(RestoreCommand.IsAsked(["--urls", "http://0.0.0.0:5000"]));
    }

    [Fact]
    public void RestoreCommand_ABadFile_ExitsWithTwo_AndACalmSentence_AndChangesNothing()
    {
        var bad = Path.Combine(_db.Folder, "holiday-photo.db");
        File.WriteAllText(bad, "This is not a database, though its name says so: it is long enough to be read as one.");
        SqliteConnection.ClearAllPools();
        var before = File.ReadAllBytes(_db.Path);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = RestoreCommand.Run(["--restore-backup", bad, $"--ConnectionStrings:FacilitatorKit={_db.ConnectionString}"], output, error);

        Assert.Equal(2, code);
        Assert.Equal("", output.ToString());
        Assert.Equal(
            $"Nothing was restored: {bad} cannot be restored, because it is not a FacilitatorKit database, or it is damaged. The data at {_db.Path} is unchanged.",
            error.ToString().TrimEnd());
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal); // no stack trace
        Assert.Equal(before, File.ReadAllBytes(_db.Path));
    }

    public void Dispose() => _db.Dispose();

    private async Task BackupsAsync(int count, DateTimeOffset? newest = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var list = StoreBackups.List(_db.Path);
            if (list.Count == count && (newest is null || list[0].TakenAt == newest))
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail($"Expected {count} backups, the newest at {newest}; found {string.Join(", ", StoreBackups.List(_db.Path).Select(b => b.TakenAt))}.");
    }
}
