using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Data.Sessions;
using FacilitatorKit.Engine;
using Microsoft.Data.Sqlite;

namespace FacilitatorKit.Benchmarks.Store;

/// <summary>
/// The store's measuring mode: <c>dotnet run -c Release --project tests/FacilitatorKit.Benchmarks -- store [what] [options]</c>.
/// Durable throughput is measured here rather than with BenchmarkDotNet: group commit only shows with many
/// meetings submitting at once, each awaiting its own acknowledgement, and every run appends to a real file.
/// Each scenario runs a fixed count of commands, several times, after a warm-up, and prints every run and the
/// mean/min/max. what: one or more of fsync, one, fifty, restore; all when none is named.
/// Options: --runs N (5), --one N (commands per run, one meeting: 500), --fifty N (commands per meeting per run: 40),
/// --meetings N (50), --dir PATH (where the database files go; default: a new folder under the temp folder).
/// </summary>
public static class StoreMeasure
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 3 && args[0] == "restore-child")
        {
            return await RestoreChildAsync(args[1], new MeetingId(Guid.Parse(args[2])));
        }

        var what = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var all = what.Count == 0 || what.Contains("all");
        var runs = Option(args, "--runs", 5);
        var oneCommands = Option(args, "--one", 500);
        var meetings = Option(args, "--meetings", 50);
        var perMeeting = Option(args, "--fifty", 40);
        var dirIndex = Array.IndexOf(args, "--dir");
        var root = dirIndex >= 0 ? Directory.CreateDirectory(args[dirIndex + 1]).FullName : null;

        Header(root);
        if (all || what.Contains("fsync"))
        {
            Fsync(root);
        }

        if (all || what.Contains("one"))
        {
            await ThroughputAsync(root, meetings: 1, commandsPerMeeting: oneCommands, runs);
        }

        if (all || what.Contains("fifty"))
        {
            await ThroughputAsync(root, meetings, perMeeting, runs);
        }

        if (all || what.Contains("restore"))
        {
            await RestoreAsync(root, runs);
        }

        return 0;
    }

    private static void Header(string? root)
    {
        Console.WriteLine($"FacilitatorKit store measure, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"{RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.FrameworkDescription}");
        Console.WriteLine($"SQLite {SqliteVersion()}, WAL, synchronous=FULL; database files under {root ?? Path.GetTempPath()}");
        Console.WriteLine();
    }

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "select sqlite_version()";
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>The disk's cost of one durable write: 4 KB written, then fsync, 200 times.</summary>
    private static void Fsync(string? root)
    {
        var folder = root ?? Directory.CreateTempSubdirectory("fk-fsync-").FullName;
        var file = Path.Combine(folder, "fsync.probe");
        var block = new byte[4096];
        var times = new List<double>();
        using (var stream = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None))
        {
            for (var i = 0; i < 220; i++)
            {
                var start = Stopwatch.GetTimestamp();
                stream.Position = i % 16 * block.Length;
                stream.Write(block);
                stream.Flush(flushToDisk: true);
                if (i >= 20)
                {
                    times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }
        }

        File.Delete(file);
        if (root is null)
        {
            Directory.Delete(folder);
        }

        Console.WriteLine("## fsync: write 4 KB + fsync, 200 times");
        Console.WriteLine($"  per write: {Summary(times, "ms", 3)}; p50 {Percentile(times, 0.5):0.000} ms, p99 {Percentile(times, 0.99):0.000} ms");
        Console.WriteLine();
    }

    private static async Task ThroughputAsync(string? root, int meetings, int commandsPerMeeting, int runs)
    {
        var title = meetings == 1
            ? $"one meeting, {commandsPerMeeting} commands a run, each awaited before the next"
            : $"{meetings} meetings in parallel, {commandsPerMeeting} commands each a run ({meetings * commandsPerMeeting} in all), each meeting awaiting its own";
        Console.WriteLine($"## Durable commands per second: {title}");

        var setup = Stopwatch.StartNew();
        await using var store = new BenchStore(NewFolder(root));
        await store.AddFormatAsync();
        var sessions = new MeetingSession[meetings];
        for (var m = 0; m < meetings; m++)
        {
            sessions[m] = await store.NewRunningMeetingAsync(m + 1);
        }

        var cycles = sessions.Select(_ => new CommandCycle()).ToArray();
        Console.WriteLine($"  set-up: {meetings} group(s) of 12 members, meetings started and under way, in {setup.Elapsed.TotalSeconds:0.0} s");

        // Warm-up: a whole cycle per meeting, not counted.
        await DriveAllAsync(sessions, cycles, CommandCycle.Length, null);

        var rates = new List<double>();
        var latencies = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var opensBefore = store.Opens.Count;
            var eventsBefore = sessions.Sum(s => s.State.Version);
            var perRun = sessions.Select(_ => new List<double>(commandsPerMeeting)).ToArray();
            var clock = Stopwatch.StartNew();
            await DriveAllAsync(sessions, cycles, commandsPerMeeting, perRun);
            var seconds = clock.Elapsed.TotalSeconds;
            var commands = meetings * commandsPerMeeting;
            var commits = store.Opens.Count - opensBefore;
            var events = sessions.Sum(s => s.State.Version) - eventsBefore;
            rates.Add(commands / seconds);
            latencies.AddRange(perRun.SelectMany(l => l));
            Console.WriteLine(string.Create(Inv, $"  run {run}: {commands} commands ({events} events) acknowledged in {seconds * 1000:0} ms = {commands / seconds:0} commands/s; {commits} commits, {(double)commands / commits:0.0} commands a commit"));
        }

        Console.WriteLine($"  commands/s: {Summary(rates, "", 0)}");
        Console.WriteLine($"  time to acknowledge one command: p50 {Percentile(latencies, 0.5):0.00} ms, p99 {Percentile(latencies, 0.99):0.00} ms, max {latencies.Max():0.00} ms");
        Console.WriteLine();
    }

    private static Task DriveAllAsync(MeetingSession[] sessions, CommandCycle[] cycles, int count, List<double>[]? latencies) =>
        Task.WhenAll(sessions.Select((s, i) => Task.Run(() => DriveAsync(s, cycles[i], count, latencies?[i]))));

    /// <summary>One facilitator: each command is sent when the previous one was acknowledged.</summary>
    private static async Task DriveAsync(MeetingSession session, CommandCycle cycle, int count, List<double>? latencies)
    {
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await CommandCycle.SubmitAcceptedAsync(session, cycle.Next(session.State));
            latencies?.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }

    private static async Task RestoreAsync(string? root, int runs)
    {
        Console.WriteLine($"## Restore a meeting of {RestoreFile.Events} events from disk");
        var setup = Stopwatch.StartNew();
        await using var store = await RestoreFile.CreateAsync(NewFolder(root));
        Console.WriteLine($"  set-up: the meeting submitted command by command, {new FileInfo(store.Path).Length / 1024} KB file (+ WAL), in {setup.Elapsed.TotalSeconds:0.0} s");

        // In this process (EF Core's model already built): new log writer, new sessions, no pooled connections.
        var warm = new List<double>();
        for (var i = 0; i < runs * 4 + 2; i++)
        {
            await store.RestartAsync();
            var start = Stopwatch.GetTimestamp();
            var (log, sessions) = store.OpenAgain();
            await using var closeLog = log;
            using var closeSessions = sessions;
            var session = await sessions.GetAsync(RestoreFile.Meeting);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            Check(session);
            if (i >= 2)
            {
                warm.Add(elapsed);
            }
        }

        Console.WriteLine($"  restore, in a process that has restored before ({warm.Count} times): {Summary(warm, "ms", 2)}");

        // A new process each time: its first restore pays for JIT and EF Core's model, once per process.
        var first = new List<double>();
        var second = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var (a, b) = await RunChildAsync(store.Folder);
            first.Add(a);
            second.Add(b);
        }

        Console.WriteLine($"  first restore in a new process ({runs} processes): {Summary(first, "ms", 1)}");
        Console.WriteLine($"  second restore in that process (after a restart of log and sessions): {Summary(second, "ms", 2)}");
        Console.WriteLine();
    }

    private static async Task<(double First, double Second)> RunChildAsync(string folder)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "store", "restore-child", folder, RestoreFile.Meeting.Value.ToString() })
        {
            info.ArgumentList.Add(arg);
        }

        using var child = Process.Start(info)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var parts = output.Trim().Split(' ');
        if (child.ExitCode != 0 || parts.Length != 2)
        {
            throw new InvalidOperationException($"The restore child failed ({child.ExitCode}): {output}");
        }

        return (double.Parse(parts[0], Inv), double.Parse(parts[1], Inv));
    }

    /// <summary>In a new process: the first restore (store opened, log, sessions, GetAsync), then a second after a restart.</summary>
    private static async Task<int> RestoreChildAsync(string folder, MeetingId meeting)
    {
        var start = Stopwatch.GetTimestamp();
        await using var store = new BenchStore(folder);
        Check(await store.Sessions.GetAsync(meeting));
        var first = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

        await store.RestartAsync();
        start = Stopwatch.GetTimestamp();
        Check(await store.Sessions.GetAsync(meeting));
        var second = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        Console.WriteLine(string.Create(Inv, $"{first:0.000} {second:0.000}"));
        return 0;
    }

    private static void Check(MeetingSession? session)
    {
        if (session?.State.Version != RestoreFile.Events)
        {
            throw new InvalidOperationException($"The restored meeting has version {session?.State.Version}, not {RestoreFile.Events}.");
        }
    }

    private static string Summary(List<double> values, string unit, int decimals)
    {
        var format = "F" + decimals.ToString(Inv);
        var u = unit.Length > 0 ? " " + unit : "";
        return $"mean {values.Average().ToString(format, Inv)}{u}, min {values.Min().ToString(format, Inv)}{u}, max {values.Max().ToString(format, Inv)}{u}";
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    /// <summary>A new folder under --dir (kept afterwards), or null for a temporary one that is removed.</summary>
    private static string? NewFolder(string? root) =>
        root is null ? null : Directory.CreateDirectory(Path.Combine(root, $"fk-store-bench-{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}")).FullName;

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], Inv) : fallback;
    }
}
