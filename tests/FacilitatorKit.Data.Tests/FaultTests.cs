using System.Diagnostics;
using FacilitatorKit.Data.Events;
using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Data.Sessions;
using FacilitatorKit.Engine;
using FacilitatorKit.FaultRunner;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using FacilitatorKit.Testing;

namespace FacilitatorKit.Data.Tests;

/// <summary>
/// A crash at any moment loses nothing that was acknowledged. A separate process runs meetings against a database
/// file and is killed with SIGKILL at random points, round after round; after each kill the file is checked.
/// </summary>
public class FaultTests(ITestOutputHelper output)
{
    private const int Rounds = 24;

    [Fact]
    public async Task SigkillAtRandomMoments_LosesNothingAcknowledged_AppliesNothingTwice_AndRestoresExactly()
    {
        var runner = RunnerPath();
        using var temp = new TempDatabase();
        var journal = Path.Combine(temp.Folder, "journal.txt");
        var acks = new List<Ack>();
        var random = new Random(20261122);

        for (var round = 1; round <= Rounds; round++)
        {
            var before = acks.Count;
            var lines = await RunAndKillAsync(runner, temp.Path, journal, random, firstRound: round == 1);
            acks.AddRange(lines.Select(Ack.Parse).OfType<Ack>());
            output.WriteLine($"round {round}: {acks.Count - before} acknowledged");

            await CheckAsync(temp, acks, round);
        }

        Assert.True(acks.Count > Rounds, $"The runner acknowledged only {acks.Count} commands in {Rounds} rounds; the test proved little.");
    }

    private static async Task CheckAsync(TempDatabase temp, List<Ack> acks, int round)
    {
        // The file is sound.
        await using (var connection = new SqliteConnection(temp.ConnectionString))
        {
            await connection.OpenAsync();
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            Assert.Equal("ok", (string?)await check.ExecuteScalarAsync());
        }

        await using var db = temp.Contexts.CreateDbContext();
        var log = await db.MeetingEvents.AsNoTracking().OrderBy(e => e.MeetingId).ThenBy(e => e.Sequence).ToListAsync();
        var byMeeting = log.GroupBy(e => e.MeetingId).ToDictionary(g => g.Key, g => g.ToList());

        foreach (var events in byMeeting.Values)
        {
            // No gaps, and each command's events form one run: a retried command was never applied twice.
            Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
            var runs = events.Select(e => e.CommandId).Where((c, i) => i == 0 || events[i - 1].CommandId != c).ToList();
            Assert.True(runs.Count == runs.Distinct().Count(), $"Round {round}: a command's events appear twice in one meeting's log.");
        }

        // Every acknowledged command is there, with exactly the events it was acknowledged with.
        foreach (var ack in acks.Where(a => a.Events > 0))
        {
            Assert.True(byMeeting.TryGetValue(ack.Meeting, out var events), $"Round {round}: acknowledged meeting {ack.Meeting} has no log.");
            var mine = events.Where(e => e.CommandId == ack.Command).ToList();
            Assert.True(mine.Count == ack.Events, $"Round {round}: acknowledged command {ack.Command} has {mine.Count} of its {ack.Events} events.");
            Assert.Equal(ack.Version, mine[^1].Sequence);
        }

        // The state restored the real way equals the state at the last acknowledgement, plus at most the one command
        // that was committed but not yet acknowledged when the process died.
        await using var host = FacilitatorKit.Testing.StoreHost.Open(temp.ConnectionString);
        var sessions = host.Sessions;
        foreach (var last in acks.GroupBy(a => a.Meeting).Select(g => g.MaxBy(a => a.Version)!))
        {
            var restored = (await sessions.GetAsync(new MeetingId(last.Meeting)))!.State;
            var events = byMeeting[last.Meeting];
            Assert.True(restored.Version >= last.Version, $"Round {round}: meeting restored at {restored.Version}, before its last acknowledgement {last.Version}.");
            Assert.True(events.Skip((int)last.Version).Select(e => e.CommandId).Distinct().Count() <= 1, $"Round {round}: more than one unacknowledged command in the log.");

            var atAck = Meeting.Replay(new MeetingId(last.Meeting), events.Take((int)last.Version).Select(e => EventJson.Deserialize(e.Type, e.Data)));
            Assert.Equal(last.Digest, StateDigest.Of(atAck));
            if (restored.Version == last.Version)
            {
                Assert.Equal(last.Digest, StateDigest.Of(restored));
            }
        }
    }

    private static async Task<List<string>> RunAndKillAsync(string runner, string database, string journal, Random random, bool firstRound)
    {
        var lines = new List<string>();
        var firstAck = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process
        {
            StartInfo = new ProcessStartInfo(runner)
            {
                ArgumentList = { database, journal },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
        };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(e.Data);
            }

            firstAck.TrySetResult();
        };
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => errors.AppendLine(e.Data);

        Assert.True(process.Start(), "The fault runner did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Let it get going (the first round also creates the groups), then kill it somewhere in the middle.
        await Task.WhenAny(firstAck.Task, Task.Delay(TimeSpan.FromSeconds(firstRound ? 60 : 20)));
        await Task.Delay(random.Next(0, 700));
        Assert.False(process.HasExited, $"The fault runner stopped by itself: {errors}");
        process.Kill(); // SIGKILL on Linux: no clean-up, no flush, no finally.
        await process.WaitForExitAsync();

        lock (lines)
        {
            return [.. lines];
        }
    }

    private static string RunnerPath()
    {
        // The runner is built next to this test project, with the same configuration and runtime.
        var here = AppContext.BaseDirectory;
        var path = Path.Combine(here.Replace("FacilitatorKit.Data.Tests", "FacilitatorKit.FaultRunner", StringComparison.Ordinal), "FacilitatorKit.FaultRunner");
        if (OperatingSystem.IsWindows())
        {
            path += ".exe";
        }

        Assert.True(File.Exists(path), $"The fault runner is not built at {path}. Build the solution first (./test.sh does).");
        return path;
    }

    private sealed record Ack(Guid Meeting, Guid Command, long Version, int Events, string Digest)
    {
        /// <summary>A whole acknowledgement line, or null for anything else (such as a line the kill cut short).</summary>
        public static Ack? Parse(string line)
        {
            var parts = line.Split(' ');
            return parts is ["ACK", var meeting, var command, var version, var events, var digest, "END"]
                ? new Ack(Guid.Parse(meeting), Guid.Parse(command), long.Parse(version, System.Globalization.CultureInfo.InvariantCulture), int.Parse(events, System.Globalization.CultureInfo.InvariantCulture), digest)
                : null;
        }
    }
}
