using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Application.Ports;
using FacilitatorKit.Measuring;
using FacilitatorKit.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;

namespace FacilitatorKit.LiveLatency;

/// <summary>
/// Starts the app in-process on a temporary database file, opens one clicking console and the observer views in
/// headless Chromium (one browser, a context each), and times each click until every other view shows its effect.
/// </summary>
internal static class LatencyRun
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        var loadBefore = LoadAverage();
        var folder = Directory.CreateTempSubdirectory("fk-latency-");
        var database = Path.Combine(folder.FullName, "facilitatorkit.db");
        WebApplication? app = null;
        try
        {
            app = FacilitatorKitApp.Build(
            [
                "--urls=http://127.0.0.1:0",
                "--environment=Development",
                "--applicationName=FacilitatorKit.Web", // its static web assets manifests, copied beside this program
                $"--ConnectionStrings:FacilitatorKit=Data Source={database}",
                "--Logging:LogLevel:Default=Warning",
                "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
            ]);
            await app.StartAsync(cancellationToken);
            var baseUrl = app.Urls.First().TrimEnd('/');
            var session = await SharingMeeting.StartAsync(app.Services, "Latency circle");

            // Subscribed before any page, so it is told first: the moment the change was committed and published.
            var published = new ConcurrentQueue<double>();
            using var _ = app.Services.GetRequiredService<ILiveChanges>().WatchMeeting(session.Id, _ => published.Enqueue(NowMs()));

            using var playwright = await Playwright.CreateAsync();
            if (options.BrowserNice > 0)
            {
                // An experiment, not the figure: the driver's children (Chromium) inherit its lower priority, so the
                // server gets the cores first, roughly as if the views ran on other devices.
                ProcessCpu.Renice(options.BrowserNice);
            }

            await using var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ChromiumArgs,
                Timeout = 60_000,
            });

            var meetingUrl = $"{baseUrl}/meetings/{session.Id.Value}";
            var views = new List<View>();
            var clicker = await OpenAsync(browser, "console", meetingUrl, -1, cancellationToken, withoutMudCss: options.WithoutMudBlazorCss);
            for (var i = 0; i < options.Views; i++)
            {
                var kind = i < options.FollowViews ? "follow" : i < options.FollowViews + options.DisplayViews ? "display" : "console";
                var path = kind switch { "follow" => "/follow", "display" => "/display", _ => "" };
                // With --views-on own-devices, the first room display is the projector on the facilitator's laptop.
                var drawsHere = !options.OwnDevices || (kind == "display" && i == options.FollowViews);
                views.Add(await OpenAsync(browser, kind, meetingUrl + path, i, cancellationToken, drawsHere, options.WithoutMudBlazorCss));
            }

            var watchers = app.Services.GetRequiredService<ILiveChanges>().WatcherCount(session.Id);
            if (watchers != views.Count + 2)
            {
                throw new InvalidOperationException($"Expected {views.Count + 2} subscribers to the meeting (the views and this program), found {watchers}.");
            }

            var header = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"FacilitatorKit live push latency, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC")
                .AppendLine(CultureInfo.InvariantCulture, $"{OsName()}, {Environment.ProcessorCount} logical cores, .NET {Environment.Version}, Chromium {browser.Version} (headless)")
                .AppendLine(CultureInfo.InvariantCulture, $"app on {baseUrl}, database {database} (WAL, synchronous=FULL)")
                .AppendLine(CultureInfo.InvariantCulture, $"views: 1 clicking console + {views.Count} observers ({options.FollowViews} co-facilitator, {options.DisplayViews} room display, {options.ExtraConsoles} console), one browser, a context each")
                .AppendLine(CultureInfo.InvariantCulture, $"pages visible: {string.Join(", ", views.Prepend(clicker).GroupBy(v => v.Visibility).Select(g => $"{g.Key} {g.Count()}"))}")
                .AppendLine(options.OwnDevices
                    ? string.Create(CultureInfo.InvariantCulture, $"views on their own devices: {views.Count(v => !v.DrawsHere)} observer pages run here but draw nothing here (each device draws its own); drawn here: the clicking console and {views.Count(v => v.DrawsHere)} room display (the projector)")
                    : "every page draws on this machine (--views-on this-machine)")
                .AppendLine(CultureInfo.InvariantCulture, $"rounds: {options.Warmup} warm-up + {options.Rounds} measured; the console clicks \"Raise hand for NAME\" and \"Next speaker\" in turn")
                .AppendLine(CultureInfo.InvariantCulture, $"load average before: {loadBefore}");
            if (options.WithoutMudBlazorCss)
            {
                header.AppendLine("EXPERIMENT: every page without MudBlazor's stylesheet (its requests are aborted), to see what it costs");
            }

            if (options.BrowserNice > 0)
            {
                header.AppendLine(CultureInfo.InvariantCulture, $"EXPERIMENT: Chromium and the Playwright driver run at nice {options.BrowserNice}, the server at 0");
            }

            Console.Write(header);

            // A quiet spell first: what the open views cost with nobody clicking (the countdowns tick in every page).
            var everyPage = views.Prepend(clicker).ToList();
            var cdps = await Task.WhenAll(everyPage.Select(v => PageMetrics.OpenAsync(v.Page)));
            var idleMetrics = await Task.WhenAll(cdps.Select(PageMetrics.ReadAsync));
            var idleStart = ProcessCpu.Read();
            var idleClock = Stopwatch.StartNew();
            await Task.Delay(options.Idle, cancellationToken);
            var idleCpu = ProcessCpu.Read() - idleStart;
            var idleWall = idleClock.Elapsed;
            var idleMetricsAfter = await Task.WhenAll(cdps.Select(PageMetrics.ReadAsync));
            Console.WriteLine($"CPU while idle ({options.Idle.TotalSeconds:0} s, nobody clicking): {idleCpu.Describe(idleWall)}");
            foreach (var line in PageMetrics.Describe(everyPage.Select((v, i) => (Kind(v, clicker), idleMetrics[i], idleMetricsAfter[i])), idleWall))
            {
                Console.WriteLine(line);
            }

            var samples = new List<Sample>();
            ProcessCpu? roundsStart = null;
            PageMetrics[] roundsMetrics = [];
            BrowserTrace? trace = null;
            var roundsClock = new Stopwatch();
            var rounds = new List<RoundResult>();
            var random = new Random(20261122);
            string? speaker = null;
            var sinceTurnStarted = Stopwatch.StartNew();
            string? raised = null;
            var nextName = 0;
            var total = options.Warmup + options.Rounds;
            var clock = Stopwatch.StartNew();
            for (var round = 0; round < total; round++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (round == options.Warmup)
                {
                    roundsMetrics = await Task.WhenAll(cdps.Select(PageMetrics.ReadAsync));
                    trace = options.Trace is null ? null : await BrowserTrace.StartAsync(browser);
                    roundsStart = ProcessCpu.Read();
                    roundsClock.Start();
                }

                var raise = round % 2 == 0;
                string name;
                ILocator button;
                if (raise)
                {
                    do
                    {
                        name = SharingMeeting.Names[nextName++ % SharingMeeting.Names.Length];
                    }
                    while (name == speaker);

                    raised = name;
                    button = clicker.Page.GetByRole(AriaRole.Button, new() { Name = $"Raise hand for {name}", Exact = true });
                }
                else
                {
                    name = raised!;
                    button = clicker.Page.GetByRole(AriaRole.Button, new() { Name = "Next speaker", Exact = true });

                    // As in a room, the speaker speaks for a moment first: the app asks before it ends a turn that began
                    // under Limits.JustStarted ago, and that question is not the change being timed.
                    var spoken = sinceTurnStarted.Elapsed;
                    if (speaker is not null && spoken < Engine.Limits.JustStarted + TimeSpan.FromMilliseconds(100))
                    {
                        await Task.Delay(Engine.Limits.JustStarted + TimeSpan.FromMilliseconds(100) - spoken, cancellationToken);
                    }
                }

                published.Clear();
                await button.ClickAsync(new() { Timeout = (float)options.ChangeTimeout.TotalMilliseconds });
                var clicked = Stopwatch.StartNew();
                if (!raise)
                {
                    sinceTurnStarted.Restart();
                }

                // Stay out of the way while the change travels: the pages stamp it themselves.
                await Task.Delay(250, cancellationToken);
                var remaining = Math.Max(0, (int)(options.ChangeTimeout - clicked.Elapsed).TotalMilliseconds);
                var own = AwaitAsync(clicker, raise ? "queue" : "speaker", name, remaining);
                var seen = await Task.WhenAll(views.Select(v => AwaitAsync(v, raise ? (v.Kind == "display" ? "next" : "queue") : "speaker", name, remaining)));
                var self = await own;

                var clickAt = self.Click;
                if (self.Clicks != round + 1 || clickAt <= 0)
                {
                    throw new InvalidOperationException($"Round {round + 1}: the console recorded {self.Clicks} clicks, expected {round + 1}.");
                }

                var missed = views.Zip(seen).Where(p => p.Second.T < 0).ToList();
                if (missed.Count > 0 || self.T < 0)
                {
                    Console.WriteLine();
                    Console.WriteLine($"FAILED in round {round + 1} ({(raise ? "Raise hand for " : "Next speaker, expecting ")}{name}): {missed.Count} view(s) showed no change within {options.ChangeTimeout.TotalSeconds:0} s of the click.");
                    foreach (var (view, result) in missed)
                    {
                        Console.WriteLine($"  view {view.Index} ({view.Kind}) shows {result.Shows}");
                    }

                    if (self.T < 0)
                    {
                        Console.WriteLine($"  the clicking console itself shows {self.Shows}");
                    }

                    return 1;
                }

                if (raise)
                {
                    raised = name;
                }
                else
                {
                    speaker = name;
                    raised = null;
                }

                var publishes = published.ToArray();
                var publishedAt = publishes.Length > 0 ? publishes[0] : double.NaN;
                var measured = round >= options.Warmup;
                for (var i = 0; i < views.Count; i++)
                {
                    views[i].Since = seen[i].Index + 1;
                    if (measured)
                    {
                        samples.Add(new Sample(round - options.Warmup + 1, raise ? "raise hand" : "next speaker", views[i].Index, views[i].Kind, seen[i].T - clickAt, seen[i].T - publishedAt, seen[i].Message - publishedAt, seen[i].T - seen[i].Message, clickAt, publishedAt));
                    }
                }

                clicker.Since = self.Index + 1;
                if (measured)
                {
                    rounds.Add(new RoundResult(raise, self.T - clickAt, publishedAt - clickAt, publishes.Length, seen.Max(s => s.T) - clickAt));
                }

                // A quiet moment between clicks, varied so that nothing else on the machine keeps in step with it.
                var pause = options.Pause + TimeSpan.FromMilliseconds(random.NextDouble() * options.Pause.TotalMilliseconds);
                await Task.Delay(pause, cancellationToken);
                if ((round + 1) % 20 == 0)
                {
                    Console.WriteLine($"  {round + 1}/{total} rounds, {clock.Elapsed.TotalSeconds:0} s");
                }
            }

            var roundsCpu = ProcessCpu.Read() - roundsStart!;
            if (trace is not null)
            {
                await trace.StopAsync(options.Trace!);
                Console.WriteLine($"browser trace of the measured rounds written to {options.Trace} (it skews this run's figures)");
            }

            var roundsWall = roundsClock.Elapsed;
            var roundsMetricsAfter = await Task.WhenAll(cdps.Select(PageMetrics.ReadAsync));
            Report.Print(samples, rounds, loadBefore, LoadAverage());
            Console.WriteLine($"CPU during the measured rounds ({roundsWall.TotalSeconds:0} s): {roundsCpu.Describe(roundsWall)}");
            foreach (var line in PageMetrics.Describe(everyPage.Select((v, i) => (Kind(v, clicker), roundsMetrics[i], roundsMetricsAfter[i])), roundsWall))
            {
                Console.WriteLine(line);
            }
            if (options.Csv is { } csv)
            {
                Report.WriteCsv(csv, samples);
                Console.WriteLine($"samples written to {csv}");
            }

            await browser.CloseAsync();
            return 0;
        }
        catch (Exception e) when (e is PlaywrightException or InvalidOperationException or TimeoutException or IOException)
        {
            await Console.Error.WriteLineAsync($"FAILED: {e.GetType().Name}: {e.Message}");
            return 2;
        }
        finally
        {
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

    private static string Kind(View view, View clicker) => ReferenceEquals(view, clicker) ? "clicking console" : view.Kind;

    /// <summary>The facilitator's sign-in, made once per run ("fk.signin=…").</summary>
    private static string? SignInCookie;

    private static async Task<View> OpenAsync(IBrowser browser, string kind, string url, int index, CancellationToken cancellationToken, bool drawsHere = true, bool withoutMudCss = false)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var context = await browser.NewContextAsync();
        await context.AddInitScriptAsync(PageScripts.NetworkHook);
        var server = new Uri(url);
        SignInCookie ??= await FacilitatorKit.Measuring.FacilitatorSignIn.CookieAsync(new Uri(server.GetLeftPart(UriPartial.Authority) + "/"), cancellationToken);
        var (name, value) = (SignInCookie[..SignInCookie.IndexOf('=', StringComparison.Ordinal)], SignInCookie[(SignInCookie.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        await context.AddCookiesAsync([new Cookie { Name = name, Value = value, Domain = server.Host, Path = "/" }]); // a facilitator's devices
        if (withoutMudCss)
        {
            await context.RouteAsync("**/_content/MudBlazor/MudBlazor*.css", route => route.AbortAsync());
        }

        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(url);
        await page.GetByRole(AriaRole.Region, new() { Name = "Current speaker" }).WaitForAsync();
        if (!drawsHere)
        {
            // The page keeps its circuit, its scripts and its DOM, and Blazor patches it at every change as on the
            // device; with nothing to lay out or paint, this machine skips the drawing the device would do itself.
            await page.AddStyleTagAsync(new() { Content = "body { display: none !important; }" });
        }

        var shown = await page.EvaluateAsync<JsonElement>(PageScripts.Install);
        return new View(index, kind, page, shown.GetProperty("visibility").GetString() ?? "?", drawsHere);
    }

    private static async Task<Seen> AwaitAsync(View view, string kind, string name, int timeoutMs)
    {
        var result = await view.Page.EvaluateAsync<JsonElement>(PageScripts.Await, new { since = view.Since, kind, name, timeoutMs });
        return new Seen(
            result.GetProperty("t").GetDouble(),
            result.GetProperty("message").GetDouble(),
            result.GetProperty("index").GetInt32(),
            result.GetProperty("click").GetDouble(),
            result.GetProperty("clicks").GetInt32(),
            result.GetProperty("shows").GetString() ?? "");
    }

    private static double NowMs() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    private static string LoadAverage()
    {
        try
        {
            return string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string OsName()
    {
        try
        {
            var line = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
            return line?["PRETTY_NAME=".Length..].Trim('"') ?? Environment.OSVersion.ToString();
        }
        catch (IOException)
        {
            return Environment.OSVersion.ToString();
        }
    }

    private sealed class View(int index, string kind, IPage page, string visibility, bool drawsHere)
    {
        public bool DrawsHere => drawsHere;

        public int Index => index;
        public string Kind => kind;
        public IPage Page => page;
        public string Visibility => visibility;

        /// <summary>The first of the page's recorded changes not yet matched to a click.</summary>
        public int Since { get; set; }
    }

    private sealed record Seen(double T, double Message, int Index, double Click, int Clicks, string Shows);
}

/// <summary>
/// One observer view in one measured round: click to change seen; published (on the server) to change seen; published
/// to the WebSocket message that carried it being taken up by the page; and that message to the change in the DOM.
/// </summary>
internal sealed record Sample(int Round, string Action, int View, string Kind, double LatencyMs, double FromPublishMs, double PublishToMessageMs, double MessageToDomMs, double ClickUnixMs, double PublishedUnixMs);

/// <summary>One measured round: the clicking console's own change, the server's publish, and the slowest observer.</summary>
internal sealed record RoundResult(bool Raise, double OwnMs, double PublishedMs, int Publishes, double SlowestMs);
