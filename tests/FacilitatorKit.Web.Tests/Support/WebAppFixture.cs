using FacilitatorKit.Application.Groups;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace FacilitatorKit.Web.Tests.Support;

/// <summary>
/// The real app on a real Kestrel (127.0.0.1, a free port, a temporary database) and one headless Chromium, started
/// once for the whole collection. Each test opens its own browser contexts: one per device.
/// </summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // Debian's Chromium, launched the way shared PLATFORM.md verified; `playwright install` is never run.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "facilitatorkit-web-tests-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private AsyncServiceScope? _facilitator;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>The group use cases, for a device acting as the facilitator (the tests' seeds).</summary>
    public GroupService Groups => (_facilitator ??= Services.ScopeActingAs(Engine.Roles.Actor.Facilitator)).ServiceProvider.GetRequiredService<GroupService>();

    public async Task InitializeAsync()
    {
        // Never skip: a missing browser is a broken machine, and the browser tests must say so.
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing: {ChromiumPath} does not exist. The browser tests need Debian's Chromium; install it with " +
                "`apt-get update && apt-get install -y chromium` (./test.sh does this). Do not run `playwright install`.");
        }

        Directory.CreateDirectory(_folder);
        _app = BuildApp("http://127.0.0.1:0", Path.Combine(_folder, "facilitatorkit.db"));
        await FacilitatorKitApp.RestoreMeetingsAsync(_app);
        await _app.StartAsync();
        BaseAddress = ListeningAddress(_app);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>The app as the tests run it: Kestrel on this address, this database file, quiet logs.</summary>
    public static WebApplication BuildApp(string url, string database, Action<WebApplicationBuilder>? configure = null) =>
        FacilitatorKitApp.Build(
            [
                $"--urls={url}",
                "--environment=Development", // serves the static web assets (app.css, the scripts) from the build output
                "--applicationName=FacilitatorKit.Web", // the static web assets manifests are named after the app, not the test host
                $"--ConnectionStrings:FacilitatorKit=Data Source={database}",
                // A quick press must not dim the controls even when this machine is busy with other tests: a save
                // counts as slow here after a second, not 300 ms. LiveMeetingTests checks both sides of it.
                $"--{BusyCue.SettingName}=1000",
            ],
            builder =>
            {
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                configure?.Invoke(builder);
            });

    /// <summary>Where a started app listens, as a base address ending in a slash.</summary>
    public static Uri ListeningAddress(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel did not report the address it listens on.");
        return new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>
    /// A new device: its own browser context (cookies, storage, circuit) and one page. <paramref name="options"/> can
    /// make it a touch tablet (IsMobile, HasTouch) or point it at another server (BaseURL); what it leaves unset
    /// defaults to this app and a laptop-sized window. Unless <paramref name="signedIn"/> is false, the device holds the
    /// facilitator's sign-in (see <see cref="SigningIn"/>); the invite tests open devices without it.
    /// </summary>
    public async Task<Device> OpenDeviceAsync(string name, ViewportSize? viewport = null, BrowserNewContextOptions? options = null, bool signedIn = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions(options ?? new BrowserNewContextOptions())
        {
            BaseURL = options?.BaseURL ?? BaseAddress.ToString(),
            ViewportSize = viewport ?? options?.ViewportSize ?? new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        if (signedIn)
        {
            await context.AddCookiesAsync([await SigningIn.FacilitatorCookieAsync(new Uri(options?.BaseURL ?? BaseAddress.ToString()))]);
        }

        var page = await context.NewPageAsync();
        return new Device(name, context, page);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_facilitator is { } facilitator)
        {
            await facilitator.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

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
}

[CollectionDefinition(Name)]
public sealed class WebAppCollection : ICollectionFixture<WebAppFixture>
{
    public const string Name = "Web app in Chromium";
}
