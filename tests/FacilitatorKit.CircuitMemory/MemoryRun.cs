using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FacilitatorKit.Application.Ports;
using FacilitatorKit.Engine;
using FacilitatorKit.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FacilitatorKit.CircuitMemory;

/// <summary>
/// Starts the app in-process on a temporary database file, sets up a running meeting, and for each kind of view:
/// opens and closes a few circuits (warm-up), takes the baseline, opens N circuits from the client process, checks each
/// rendered the page, measures; presses Next speaker so every circuit re-renders once, measures again; closes them all
/// and measures what is left. With several kinds, each is measured in a fresh process of its own (this program started
/// again with --kind), so that no kind inherits the heap and the RSS another one left behind.
/// </summary>
internal static class MemoryRun
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(10);

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        if (options.Result is null)
        {
            Console.WriteLine(Report.Header(options));
        }
        try
        {
            var results = options.Kinds.Count > 1 && !options.SameProcess
                ? await EachInItsOwnProcessAsync(options, started, cancellationToken)
                : await MeasureHereAsync(options, cancellationToken);
            if (options.Result is { } json)
            {
                await File.WriteAllTextAsync(json, JsonSerializer.Serialize(results, Json), cancellationToken);
                return 0;
            }

            var report = Report.Markdown(options, results, started.Elapsed);
            Console.WriteLine();
            Console.WriteLine(report);
            if (options.Out is { } file)
            {
                await File.WriteAllTextAsync(file, report, cancellationToken);
                Console.WriteLine($"report written to {file}");
            }

            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or HttpRequestException or JsonException)
        {
            await Console.Error.WriteLineAsync($"FAILED: {e.GetType().Name}: {e.Message}");
            return 2;
        }
    }

    /// <summary>Runs this program again for each kind, one after the other, and gathers what each measured.</summary>
    private static async Task<List<KindResult>> EachInItsOwnProcessAsync(Options options, Stopwatch started, CancellationToken cancellationToken)
    {
        var results = new List<KindResult>();
        var folder = Directory.CreateTempSubdirectory("fk-circuit-memory-results-");
        try
        {
            foreach (var kind in options.Kinds)
            {
                var json = Path.Combine(folder.FullName, kind.Name + ".json");
                var left = options.TimeLimit - started.Elapsed;
                if (left < TimeSpan.FromSeconds(30))
                {
                    throw new TimeoutException($"Not enough time left to measure the {kind.Title}.");
                }

                string[] args =
                [
                    "--kind", kind.Name,
                    "--views", options.Views.ToString(CultureInfo.InvariantCulture),
                    "--warmup", options.Warmup.ToString(CultureInfo.InvariantCulture),
                    "--parallel", options.Parallel.ToString(CultureInfo.InvariantCulture),
                    "--rerenders", options.Rerenders.ToString(CultureInfo.InvariantCulture),
                    "--environment", options.Environment,
                    "--time-limit-s", ((int)left.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                    "--result", json,
                    .. options.Strings is { } strings ? new[] { "--strings", strings } : [],
                    .. options.GcDump is { } dumps ? new[] { "--gcdump", dumps } : [],
                    .. options.DeviceZone is { } zone ? new[] { "--device-zone", zone } : [],
                ];
                var exit = await SelfProcess.RunAsync(args, left + TimeSpan.FromSeconds(90), cancellationToken);
                if (exit != 0)
                {
                    throw new InvalidOperationException($"Measuring the {kind.Title} failed (exit code {exit}).");
                }

                results.AddRange(JsonSerializer.Deserialize<List<KindResult>>(await File.ReadAllTextAsync(json, cancellationToken), Json)
                    ?? throw new InvalidOperationException($"No result for the {kind.Title}."));
            }

            return results;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<List<KindResult>> MeasureHereAsync(Options options, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("fk-circuit-memory-");
        var database = Path.Combine(folder.FullName, "facilitatorkit.db");
        WebApplication? app = null;
        ClientProcess? client = null;
        try
        {
            app = FacilitatorKitApp.Build(
            [
                "--urls=http://127.0.0.1:0",
                $"--environment={options.Environment}",
                "--applicationName=FacilitatorKit.Web",
                $"--ConnectionStrings:FacilitatorKit=Data Source={database}",
                "--Logging:LogLevel:Default=Warning",
                "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
                "--Logging:LogLevel:Microsoft.AspNetCore.StaticFiles=Error", // no wwwroot here; the circuits need none
            ]);
            await app.StartAsync(cancellationToken);
            var baseUrl = app.Urls.First().TrimEnd('/') + "/";
            var meeting = await MeetingSetup.StartAsync(app.Services);
            var live = app.Services.GetRequiredService<ILiveChanges>();
            var dumps = GcDump.Find(options.GcDump);
            client = ClientProcess.Start(baseUrl, options.DeviceZone);
            Console.WriteLine($"server pid {Environment.ProcessId} on {baseUrl}, client pid {client.Id}");

            var results = new List<KindResult>();
            foreach (var kind in options.Kinds)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results.Add(await MeasureAsync(options, kind, baseUrl, meeting, live, client, dumps, cancellationToken));
                Console.WriteLine(Report.Line(results[^1]));
            }

            return results;
        }
        finally
        {
            if (client is not null)
            {
                await client.DisposeAsync();
            }

            if (app is not null)
            {
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await app.StopAsync(stop.Token);
                await app.DisposeAsync();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Left behind in the temporary folder; harmless.
            }
        }
    }

    private static async Task<KindResult> MeasureAsync(Options options, ViewKind kind, string baseUrl, MeetingSetup meeting, ILiveChanges live, ClientProcess client, GcDump? dumps, CancellationToken cancellationToken)
    {
        var meetingId = kind.WatchesMeeting ? meeting.Id : new MeetingId(Guid.NewGuid());
        var url = $"{baseUrl}meetings/{meetingId.Value}{kind.Path}";
        var expected = Expected(kind, meeting);
        string Open(int count) => string.Join('\t', ["open", count.ToString(CultureInfo.InvariantCulture), options.Parallel.ToString(CultureInfo.InvariantCulture), url, .. expected]);
        var watchers = live.WatcherCount(meeting.Id);
        Console.WriteLine($"{kind.Name}: {url}; each circuit must show {string.Join(", ", expected.Select(e => $"\"{e}\""))}");

        // Warm-up: the first circuits of a kind pay for JIT, caches and pools, once per process.
        if (options.Warmup > 0)
        {
            await client.AskAsync(Open(options.Warmup), Step, cancellationToken);
            if (options.Strings is { } dir)
            {
                Directory.CreateDirectory(dir);
                var file = Path.GetFullPath(Path.Combine(dir, $"{kind.Name}.txt"));
                await client.AskAsync($"strings\t{file}", Step, cancellationToken);
            }

            await client.AskAsync("close", Step, cancellationToken);
            await WaitForWatchersAsync(live, meeting.Id, watchers, cancellationToken);
        }

        await Task.Delay(500, cancellationToken);
        var before = MemorySnapshot.Take();
        var typesBefore = dumps is null ? null : await dumps.TakeAsync($"{kind.Name}-0-before", cancellationToken);

        var opened = await client.AskAsync(Open(options.Views), Step, cancellationToken);
        var openMs = long.Parse(opened[1], CultureInfo.InvariantCulture);
        var watching = live.WatcherCount(meeting.Id) - watchers;
        var expectedWatching = kind.WatchesMeeting ? options.Views : 0;
        if (watching != expectedWatching)
        {
            throw new InvalidOperationException($"{kind.Name}: {options.Views} circuits opened, but the meeting's watchers grew by {watching}, not {expectedWatching}.");
        }

        await Task.Delay(500, cancellationToken);
        var afterOpen = MemorySnapshot.Take();
        var typesOpen = dumps is null ? null : await dumps.TakeAsync($"{kind.Name}-1-open", cancellationToken);
        Dictionary<string, (long Bytes, long Count)>? typesRendered = null;

        MemorySnapshot? afterRender = null;
        MemorySnapshot? afterRenders = null;
        string[]? rendered = null;
        string? speaker = null;
        if (kind.WatchesMeeting)
        {
            for (var change = 1; change <= options.Rerenders; change++)
            {
                if (change > 1)
                {
                    await meeting.RaiseHandsAsync(); // two hands up again: a change of its own, shown by every view
                }

                // Next speaker, as the console's button: every circuit must re-render showing who speaks now.
                await client.AskAsync("arm", Step, cancellationToken);
                var now = await meeting.NextSpeakerAsync();
                var seen = await client.AskAsync($"await\t{now}\t300", Step, cancellationToken);
                if (change == 1)
                {
                    (speaker, rendered) = (now, seen);
                    await Task.Delay(500, cancellationToken);
                    afterRender = MemorySnapshot.Take();
                    typesRendered = dumps is null ? null : await dumps.TakeAsync($"{kind.Name}-2-rerendered", cancellationToken);
                }
            }

            if (options.Rerenders > 1)
            {
                await Task.Delay(500, cancellationToken);
                afterRenders = MemorySnapshot.Take();
            }
        }

        await client.AskAsync("close", Step, cancellationToken);
        await WaitForWatchersAsync(live, meeting.Id, watchers, cancellationToken);
        await Task.Delay(500, cancellationToken);
        var afterClose = MemorySnapshot.Take();

        // The same meeting for the next kind: someone speaking and two hands up.
        await meeting.RaiseHandsAsync();

        return new KindResult(
            kind.Name,
            options.Views,
            expected,
            watching,
            before,
            afterOpen,
            afterRender,
            options.Rerenders,
            afterRenders,
            afterClose,
            TimeSpan.FromMilliseconds(openMs),
            long.Parse(opened[2], CultureInfo.InvariantCulture),
            long.Parse(opened[3], CultureInfo.InvariantCulture),
            speaker,
            rendered is null ? null : TimeSpan.FromMilliseconds(long.Parse(rendered[1], CultureInfo.InvariantCulture)),
            rendered is null ? null : long.Parse(rendered[2], CultureInfo.InvariantCulture),
            JsCalls(opened.Length > 4 ? opened[4] : ""),
            Environment.ProcessId,
            client.Id,
            typesBefore is null || typesOpen is null ? null : [.. GcDump.Growth(typesBefore, typesOpen, options.Views, 15)],
            typesOpen is null || typesRendered is null ? null : [.. GcDump.Growth(typesOpen, typesRendered, options.Views, 10)],
            typesBefore is null || typesOpen is null ? null : [.. GcDump.ByArea(typesBefore, typesOpen, options.Views)],
            typesOpen is null || typesRendered is null ? null : [.. GcDump.ByArea(typesOpen, typesRendered, options.Views)]);
    }

    private static Dictionary<string, int> JsCalls(string calls) => calls
        .Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(c => c.Split('='))
        .ToDictionary(c => c[0], c => int.Parse(c[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>What every circuit's render batches must contain: proof it rendered this page of this meeting.</summary>
    private static string[] Expected(ViewKind kind, MeetingSetup meeting)
    {
        if (!kind.WatchesMeeting)
        {
            return ["<h1>Meeting not found</h1>"];
        }

        // The page's title (HeadOutlet), who is speaking, the countdown (role="timer"), the current item, and for the
        // room display who is next: this page, of this meeting, as it is now.
        var state = meeting.Session.State;
        var title = kind.Name switch
        {
            "display" => "Room display · Memory circle · FacilitatorKit",
            "follow" => "Co-facilitator view · Memory circle · FacilitatorKit",
            _ => "Meeting console · Memory circle · FacilitatorKit",
        };
        string[] common = [title, "Current speaker", meeting.Speaker, "timer", state.CurrentItem!.Title];
        return kind.Name == "display" ? [.. common, $"Next: {meeting.NextUp}"] : common;
    }

    private static async Task WaitForWatchersAsync(ILiveChanges live, MeetingId meeting, int count, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (live.WatcherCount(meeting) != count)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException($"The closed circuits still watch the meeting after 60 s: {live.WatcherCount(meeting)} watchers, expected {count}.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}
