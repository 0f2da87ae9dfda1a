using System.Net;
using System.Net.Sockets;
using FacilitatorKit.Application.Groups;
using FacilitatorKit.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FacilitatorKit.Web.Tests.Support;

/// <summary>
/// The app on a fixed port and a database file that both outlive it, so a test can restart the server under open
/// pages: stop it (its circuits and in-memory meeting sessions are gone) and start a new app instance in its place,
/// which restores the meetings by replaying the event log, as after a crash or an update. It is its own server, not
/// the shared <see cref="WebAppFixture"/> app, so a restart never disturbs the other tests.
/// </summary>
public sealed class RestartableApp : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "facilitatorkit-restart-tests-" + Guid.NewGuid().ToString("N"));
    private int _port = UnusedFixedPort();
    private WebApplication? _app;
    private AsyncServiceScope? _facilitator;
    private readonly Action<WebApplicationBuilder>? _configure;

    private RestartableApp(Action<WebApplicationBuilder>? configure)
    {
        _configure = configure;
        Directory.CreateDirectory(_folder);
    }

    /// <summary>Where the app listens, the same before and after a restart.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{_port}/");

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The app is not running.");

    /// <summary>The group use cases of the app running now, for a device acting as the facilitator.</summary>
    public GroupService Groups => (_facilitator ??= Services.ScopeActingAs(Engine.Roles.Actor.Facilitator)).ServiceProvider.GetRequiredService<GroupService>();

    private string Database => Path.Combine(_folder, "facilitatorkit.db");

    /// <summary>The app's data folder (its database, and the sign-in keys in keys/).</summary>
    public string Folder => _folder;

    /// <param name="configure">Changes to the app's services, such as a clock the test moves (<see cref="ShiftedClock"/>).</param>
    public static async Task<RestartableApp> StartAsync(Action<WebApplicationBuilder>? configure = null)
    {
        var app = new RestartableApp(configure);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await app.StartAgainAsync();
                return app;
            }
            catch (IOException) when (attempt < 5)
            {
                // Another process bound the port between the check and the start: nothing has loaded it yet, so take another.
                app._port = UnusedFixedPort();
            }
        }
    }

    /// <summary>
    /// Stops the server as Ctrl+C or a service manager does: the host's own graceful stop, with no deadline from here.
    /// Returns how long it took.
    /// </summary>
    public async Task<TimeSpan> ShutDownAsync()
    {
        var app = _app ?? throw new InvalidOperationException("The app is not running.");
        _app = null;
        if (_facilitator is { } facilitator)
        {
            _facilitator = null;
            await facilitator.DisposeAsync();
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await app.StopAsync(CancellationToken.None);
        var took = clock.Elapsed;
        await app.DisposeAsync();
        return took;
    }

    /// <summary>Stops the server: open pages lose their connection, and everything the app held in memory is gone.</summary>
    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            if (_facilitator is { } facilitator)
            {
                _facilitator = null;
                await facilitator.DisposeAsync();
            }


            // Open pages reconnect at once to a server that is shutting down, and a graceful stop then waits for those
            // connections (30 s by default). Here the stop is prompt: whatever is still open after a second is cut off,
            // as in a crash, so the test's length does not depend on that race.
            using var prompt = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await app.StopAsync(prompt.Token);
            await app.DisposeAsync();
        }
    }

    /// <summary>
    /// Starts a new app instance on the same port and database. <paramref name="whileUnreachable"/> runs after the
    /// meetings are restored and before Kestrel accepts a connection: a change that no open page can have seen yet.
    /// </summary>
    public async Task StartAgainAsync(Func<IServiceProvider, Task>? whileUnreachable = null)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The app is already running; stop it first.");
        }

        var app = WebAppFixture.BuildApp(BaseAddress.ToString().TrimEnd('/'), Database, _configure);
        try
        {
            await FacilitatorKitApp.RestoreMeetingsAsync(app);
            if (whileUnreachable is not null)
            {
                await whileUnreachable(app.Services);
            }

            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        _app = app;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    // A restart needs the port fixed in advance, since the open pages keep the address they were loaded from, and the
    // port must stay free while the app is down. The system hands out ports in its ephemeral range, both to listeners
    // on port 0 (the other tests' apps) and to outgoing connections (the browser's), so any of them could take a port
    // from that range in the moment between the stop and the start. A port outside the range is never handed out.
    private static int UnusedFixedPort()
    {
        var (first, last) = EphemeralRange();
        var (from, to) = first > 2048 ? (first / 2, first) : (last + 1, 65536);
        while (true)
        {
            var port = Random.Shared.Next(from, to);
            var listener = new TcpListener(IPAddress.Loopback, port);
            try
            {
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // In use: try another.
            }
            finally
            {
                listener.Stop();
            }
        }
    }

    private static (int First, int Last) EphemeralRange()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        var parts = File.Exists(range) ? File.ReadAllText(range).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) : [];
        return parts.Length == 2 && int.TryParse(parts[0], out var first) && int.TryParse(parts[1], out var last) && (first > 2048 || last < 65000)
            ? (first, last)
            : (32768, 60999); // Linux's default
    }
}
