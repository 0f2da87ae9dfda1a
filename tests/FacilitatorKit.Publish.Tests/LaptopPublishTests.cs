using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using FacilitatorKit.Application.Formats;
using FacilitatorKit.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace FacilitatorKit.Publish.Tests;

/// <summary>
/// The laptop download for Linux (src/FacilitatorKit.Web/Properties/PublishProfiles/linux-x64.pubxml), published for
/// real and started the way a facilitator starts it: one executable, in Production, from another folder, with its
/// own port and data file. Everything lives in one temporary folder: the build (--artifacts-path, so nothing is
/// written to the solution's bin/ and obj/), the published app, its data, and its HOME (where .NET extracts SQLite's
/// native library and ASP.NET Core keeps its data-protection keys). The folder is removed afterwards.
/// It runs the Linux x64 download, so it runs on Linux x64 (CI's machines), and says so anywhere else.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed partial class LaptopPublishTests(ITestOutputHelper output) : IDisposable
{
    private const string Executable = "FacilitatorKit.Web";

    // A fresh machine restores the linux-x64 runtime packs first.
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private readonly string _temp = Directory.CreateTempSubdirectory("fk-publish-").FullName;
    private readonly List<ChildProcess> _started = [];

    [Fact]
    public async Task LinuxProfile_PublishesOneExecutable_ThatStartsInProduction_AndServesPagesAndAssets()
    {
        Assert.True(
            OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64,
            $"This test publishes and runs the linux-x64 download, so it needs Linux on x64; this is {RuntimeInformation.OSDescription} on {RuntimeInformation.OSArchitecture}.");
        var root = RepositoryRoot();
        var publishDir = Path.Combine(_temp, "publish");

        // 1. Publish with the profile, as the README says, into the temporary folder.
        var watch = Stopwatch.StartNew();
        var publish = Start(
            DotnetHost(),
            [
                "publish", Path.Combine(root, "src", "FacilitatorKit.Web", "FacilitatorKit.Web.csproj"),
                "-p:PublishProfile=linux-x64",
                "--artifacts-path", Path.Combine(_temp, "artifacts"),
                "--output", publishDir,
                "--disable-build-servers", // no compiler or MSBuild server is left running
                "-tl:off", "-nologo",
            ],
            workingDirectory: root,
            // `dotnet test` hands its MSBuild settings down; a nested build must find its own.
            remove: ["MSBUILD*", "MSBuildExtensionsPath", "MSBuildSDKsPath"],
            set: new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" });
        if (!await publish.WaitForExitAsync(PublishTimeout))
        {
            publish.KillTree();
            Assert.Fail($"dotnet publish did not finish within {PublishTimeout.TotalMinutes} minutes. Its output:\n{publish.Tail()}");
        }

        Assert.True(publish.ExitCode == 0, $"dotnet publish -p:PublishProfile=linux-x64 failed with exit code {publish.ExitCode}. Its output:\n{publish.Tail()}");
        output.WriteLine($"published in {watch.Elapsed.TotalSeconds:0.0} s");

        // 2. What the profile made: one executable, the app's files beside it, and nothing to install.
        CheckPublishFolder(root, publishDir);

        // 3. Start it from another folder, in Production, on a free loopback port, with a data file of its own.
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var databasePath = Path.Combine(_temp, "data", "fk.db");
        var home = Directory.CreateDirectory(Path.Combine(_temp, "home")).FullName;
        watch.Restart();
        var app = Start(
            Path.Combine(publishDir, Executable),
            ["--urls", baseAddress.ToString().TrimEnd('/'), $"--ConnectionStrings:FacilitatorKit=Data Source={databasePath}"],
            workingDirectory: Directory.CreateDirectory(Path.Combine(_temp, "elsewhere")).FullName,
            remove: ["ASPNETCORE_*", "DOTNET_ENVIRONMENT", "DOTNET_URLS", "ConnectionStrings__*", "DOTNET_BUNDLE_EXTRACT_BASE_DIR"],
            set: new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["HOME"] = home });

        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
        (await WaitForHomePageAsync(http, app)).Dispose(); // the first start's sign-in page: every page needs a facilitator
        output.WriteLine($"first 200 on / after {watch.ElapsedMilliseconds} ms");
        var home200 = await SetUpTheFacilitatorAsync(http);

        // 4. The page, Blazor's script and a package's static asset, as a browser asks for them.
        var failures = new List<string>();
        // In Production the page names fingerprinted files (blazor.web.<hash>.js); every script and stylesheet it names must be served.
        var page = await home200.Content.ReadAsStringAsync();
        var assets = PageAssets().Matches(page).Select(m => m.Groups["path"].Value).Distinct().ToList();
        output.WriteLine($"the page names {assets.Count} scripts and stylesheets: {string.Join(", ", assets)}");
        await CheckAsync(home200, "text/html", failures, _ => assets.Any(a => BlazorScript().IsMatch(a)), "the page does not load _framework/blazor.web.js");
        foreach (var asset in assets)
        {
            var type = asset.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/javascript";
            await CheckAsync(await http.GetAsync(new Uri("/" + asset, UriKind.Relative)), type, failures);
        }

        await CheckAsync(await http.GetAsync(new Uri("/_framework/blazor.web.js", UriKind.Relative)), "text/javascript", failures);
        await CheckAsync(await http.GetAsync(new Uri("/_content/MudBlazor/MudBlazor.min.css", UriKind.Relative)), "text/css", failures);
        await CheckCompressedAsync(http, "/_framework/blazor.web.js", failures);

        // 5. It found its files beside the executable, not in the working folder: the built-in formats are seeded.
        var expectedFormats = Directory.GetFiles(Path.Combine(root, "samples", "formats"), "*.json").Select(f => FormatFile.Load(f).Name).Order().ToList();
        var seeded = await BuiltInFormatsAsync(databasePath);
        if (!expectedFormats.SequenceEqual(seeded))
        {
            failures.Add($"The database holds the built-in formats [{string.Join(", ", seeded)}], expected [{string.Join(", ", expectedFormats)}] from formats/ beside the executable.");
        }

        // SQLite's native library came out of the single file (into HOME/.net), not from beside it.
        var extracted = Directory.Exists(Path.Combine(home, ".net"))
            ? Directory.GetFiles(Path.Combine(home, ".net"), "libe_sqlite3.so", SearchOption.AllDirectories)
            : [];
        if (extracted.Length == 0)
        {
            failures.Add($"SQLite's native library was not extracted from the single file into {home}/.net.");
        }

        // 6. Ctrl+C stops it, and nothing it started is left.
        await StopWithCtrlCAsync(app, failures);
        failures.AddRange(LeftoverProcesses());

        // Its log, read whole now that it has stopped, says where it runs and where its data is.
        var log = app.Output;
        foreach (var expected in new[] { "Hosting environment: Production", $"FacilitatorKit keeps its data in {databasePath}" })
        {
            if (!log.Contains(expected, StringComparison.Ordinal))
            {
                failures.Add($"The app's log does not say \"{expected}\".");
            }
        }

        Assert.True(failures.Count == 0, $"{string.Join("\n", failures)}\n\nThe app's output:\n{app.Tail()}");
    }

    public void Dispose()
    {
        foreach (var process in _started)
        {
            process.Dispose();
        }

        SqliteConnection.ClearAllPools();
        for (var attempt = 1; Directory.Exists(_temp); attempt++)
        {
            try
            {
                Directory.Delete(_temp, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException && attempt < 5)
            {
                Thread.Sleep(500);
            }
        }
    }

    private ChildProcess Start(string fileName, string[] arguments, string workingDirectory, string[] remove, Dictionary<string, string> set)
    {
        var process = ChildProcess.Start(fileName, arguments, workingDirectory, remove, set);
        _started.Add(process);
        return process;
    }

    private static void CheckPublishFolder(string root, string publishDir)
    {
        var files = Directory.GetFiles(publishDir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var listing = $"The publish folder holds: {string.Join(", ", files)}";
        var executable = Path.Combine(publishDir, Executable);
        Assert.True(File.Exists(executable), $"No executable {Executable} in the publish folder. {listing}");
        Assert.True((File.GetUnixFileMode(executable) & UnixFileMode.UserExecute) != 0, $"{executable} is not marked executable.");
        Assert.True(!files.Any(f => f!.EndsWith(".dll", StringComparison.Ordinal) || f!.EndsWith(".so", StringComparison.Ordinal)), $"Not a single file: assemblies or native libraries lie beside the executable. {listing}");
        Assert.True(File.Exists(Path.Combine(publishDir, "wwwroot", "css", "app.css")), $"No wwwroot/ beside the executable. {listing}");

        var formats = JsonFiles(Path.Combine(root, "samples", "formats"));
        var published = JsonFiles(Path.Combine(publishDir, "formats"));
        Assert.True(formats.SequenceEqual(published), $"formats/ beside the executable holds [{string.Join(", ", published)}], expected [{string.Join(", ", formats)}] from samples/formats.");
    }

    private static List<string> JsonFiles(string folder) => Directory.Exists(folder)
        ? [.. Directory.GetFiles(folder, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)]
        : [];

    /// <summary>The first-run form, as a facilitator fills it on the laptop; then the groups page, signed in.</summary>
    private static async Task<HttpResponseMessage> SetUpTheFacilitatorAsync(HttpClient http)
    {
        var form = await http.GetStringAsync(new Uri("/sign-in", UriKind.Relative));
        Assert.Contains("action=\"/first-run\"", form, StringComparison.Ordinal);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["alias"] = "Robin",
            ["passphrase"] = "tea in the church hall",
            ["again"] = "tea in the church hall",
        });
        var home = await http.PostAsync(new Uri("/first-run", UriKind.Relative), content); // redirected to / once set up
        Assert.True(home.StatusCode == HttpStatusCode.OK && home.RequestMessage?.RequestUri?.AbsolutePath == "/", $"Setting up the first facilitator ended at {home.RequestMessage?.RequestUri} with {(int)home.StatusCode}.");
        return home;
    }

    private static async Task<HttpResponseMessage> WaitForHomePageAsync(HttpClient http, ChildProcess app)
    {
        var watch = Stopwatch.StartNew();
        string last = "no answer yet";
        while (watch.Elapsed < StartTimeout)
        {
            if (app.HasExited)
            {
                await app.WaitForExitAsync(TimeSpan.FromSeconds(5)); // the rest of its output
                Assert.Fail($"The published app exited with code {app.ExitCode} before answering. Its output:\n{app.Tail()}");
            }

            try
            {
                var response = await http.GetAsync(new Uri("/", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return response;
                }

                last = $"{(int)response.StatusCode} {response.StatusCode}";
                response.Dispose();
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException)
            {
                last = "a request timed out";
            }

            await Task.Delay(50);
        }

        Assert.Fail($"The published app did not answer 200 on / within {StartTimeout.TotalSeconds} s (last: {last}). Its output:\n{app.Tail()}");
        return null!;
    }

    /// <summary>The local scripts and stylesheets a page names: src="…" and href="…" of script and link tags.</summary>
    [GeneratedRegex("""<(?:script|link)\b[^>]*\b(?:src|href)="(?!data:|https?:|//)(?<path>[^"?#]+\.(?:js|css))""")]
    private static partial Regex PageAssets();

    [GeneratedRegex(@"^_framework/blazor\.web(\.[a-z0-9]+)?\.js$")]
    private static partial Regex BlazorScript();

    private static async Task CheckAsync(HttpResponseMessage response, string contentType, List<string> failures, Func<string, bool>? body = null, string? bodyProblem = null)
    {
        using (response)
        {
            var what = response.RequestMessage?.RequestUri?.PathAndQuery ?? "?";
            var actualType = response.Content.Headers.ContentType?.MediaType;
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"GET {what} answered {(int)response.StatusCode} {response.StatusCode}, expected 200.");
            }
            else if (actualType != contentType)
            {
                failures.Add($"GET {what} answered with Content-Type {actualType}, expected {contentType}.");
            }
            else if (text.Length == 0)
            {
                failures.Add($"GET {what} answered with an empty body.");
            }
            else if (body is not null && !body(text))
            {
                failures.Add($"GET {what}: {bodyProblem}.");
            }
        }
    }

    /// <summary>The publish compresses the static assets; a browser that accepts Brotli gets the compressed file.</summary>
    private static async Task CheckCompressedAsync(HttpClient http, string path, List<string> failures)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK || !response.Content.Headers.ContentEncoding.Contains("br"))
        {
            failures.Add($"GET {path} with Accept-Encoding: br answered {(int)response.StatusCode} with Content-Encoding [{string.Join(", ", response.Content.Headers.ContentEncoding)}], expected 200 with br.");
        }
    }

    private static async Task<List<string>> BuiltInFormatsAsync(string databasePath)
    {
        if (!File.Exists(databasePath))
        {
            return [];
        }

        var connection = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var db = new FacilitatorKitDb(new DbContextOptionsBuilder<FacilitatorKitDb>().UseSqlite(connection).Options);
        var names = await db.Formats.Where(f => f.BuiltIn).Select(f => f.Name).ToListAsync();
        return [.. names.Order()];
    }

    /// <summary>SIGINT, what Ctrl+C in a terminal sends. The app should shut down by itself, and cleanly.</summary>
    private static async Task StopWithCtrlCAsync(ChildProcess app, List<string> failures)
    {
        using (var kill = ChildProcess.Start("/bin/sh", ["-c", $"kill -INT {app.Id}"], "/", [], new Dictionary<string, string>()))
        {
            await kill.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }

        if (!await app.WaitForExitAsync(StopTimeout))
        {
            failures.Add($"The app did not stop within {StopTimeout.TotalSeconds} s of Ctrl+C (SIGINT); it was killed.");
            app.KillTree();
        }
        else if (app.ExitCode != 0)
        {
            failures.Add($"The app exited with code {app.ExitCode} after Ctrl+C (SIGINT), expected 0.");
        }
    }

    /// <summary>Any process still running from the temporary folder (the app, or anything it started) is a leak.</summary>
    private IEnumerable<string> LeftoverProcesses()
    {
        foreach (var folder in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // it ended meanwhile
            }

            if (commandLine.Contains(_temp, StringComparison.Ordinal))
            {
                try
                {
                    using var leftover = Process.GetProcessById(pid);
                    leftover.Kill(entireProcessTree: true);
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException)
                {
                    // It ended meanwhile.
                }

                yield return $"A process was still running from the test's folder after the app stopped (killed now): {pid} {commandLine}";
            }
        }
    }

    /// <summary>The dotnet that runs this test, so the publish uses the same SDK.</summary>
    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FacilitatorKit.sln")))
            {
                return folder.FullName;
            }
        }

        Assert.Fail($"FacilitatorKit.sln was not found in {AppContext.BaseDirectory} or any folder above it.");
        return null!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
