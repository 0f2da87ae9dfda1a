using System.Net;
using FacilitatorKit.Application;
using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Application.Ports;
using FacilitatorKit.Data;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Web.Access;
using FacilitatorKit.Web.Acting;
using FacilitatorKit.Web.Components;
using FacilitatorKit.Web.Edge;
using FacilitatorKit.Web.Look;
using FacilitatorKit.Web.Notes;
using FacilitatorKit.Web.Privacy;
using FacilitatorKit.Web.Store;
using FacilitatorKit.Web.Summaries;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using MudBlazor.Services;

namespace FacilitatorKit.Web;

/// <summary>Builds the app: the store, the meeting sessions, and the Blazor Server UI. Tests start it on 127.0.0.1:0.</summary>
public static partial class FacilitatorKitApp
{
    public const string DefaultUrl = "http://localhost:5000";

    /// <summary>The largest message a page may send the app (see the hub options in <see cref="Build"/>).</summary>
    public const long MaxMessageFromAPage = 64 * 1024;

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var urls = builder.Configuration["urls"] ?? builder.Configuration["ASPNETCORE_URLS"];
        if (string.IsNullOrEmpty(urls))
        {
            urls = DefaultUrl;
            builder.WebHost.UseUrls(DefaultUrl); // loopback only, unless the facilitator opts in with --urls
        }

        builder.AddNetworkEdge(urls);

        // Run from a build (dotnet run) in any environment, the pages' scripts and styles come from the build output,
        // as in a published app they come from wwwroot: the README's run command starts in Production.
        builder.WebHost.UseStaticWebAssets();

        configure?.Invoke(builder);
        builder.AddLiveViewLimit(); // reads its settings, which `configure` may have added

        var connectionString = builder.Configuration.GetConnectionString(StoreSetup.ConnectionStringName) ?? StoreSetup.DefaultConnectionString();
        builder.Services.TryAddSingleton(TimeProvider.System); // `configure` may bring its own clock (the screenshot tool does)
        builder.Services.AddFacilitatorKitStore(connectionString);
        if (StoreSetup.IsOnDisk(connectionString))
        {
            builder.Services.AddHostedService(s => new DailyBackups(connectionString, s.GetRequiredService<TimeProvider>(), s.GetRequiredService<ILogger<DailyBackups>>()));
        }

        builder.Services.AddFacilitatorKitApplication();
        builder.Services.AddScoped<DeviceActor>();
        builder.Services.AddScoped<ICurrentActor>(s => s.GetRequiredService<DeviceActor>());
        builder.Services.AddSingleton<NoteScreens>();
        AddAccess(builder, connectionString);
        builder.Services.AddHostedService<Privacy.NoteRetentionHost>();
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        builder.Services.AddSingleton<Words>();
        builder.Services.AddSingleton<SummaryText>();
        builder.Services.AddScoped<DeviceClock>();
        builder.Services.AddMudServices(mud =>
        {
            // Refusals show as a toast at the bottom, near the hands on a tablet, and each one is said again even in the
            // same words: a second press that did nothing must not look like silence.
            mud.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomCenter;
            mud.SnackbarConfiguration.PreventDuplicates = false;
            mud.SnackbarConfiguration.VisibleStateDuration = 8000;
            mud.SnackbarConfiguration.ShowCloseIcon = true;
        });
        builder.Services.AddSingleton(builder.Configuration.GetValue<int?>(BusyCue.SettingName) is { } busyAfterMs and >= 0
            ? new BusyCue(TimeSpan.FromMilliseconds(busyAfterMs))
            : BusyCue.Default);

        // One message from a page to the app is at most 64 KB, on purpose. The largest a page sends is a note at its
        // limit (NoteService.MaxLength, 20,000 UTF-16 units), once, when the typing pauses (NotesBox.razor.js): as UTF-8
        // JSON at most 3 bytes a unit (CJK; an emoji is 4 bytes for 2 units; quotes and line breaks 2), so 60,000 bytes
        // and the event's few fields. SignalR's default, 32 KB, cut such a note off, and the tab fell into a reconnect
        // storm. Not more: each message is buffered whole on the server before it is read.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = MaxMessageFromAPage);

        // A facilitator who presses Ctrl+C expects the app to go. Open pages are turned away while it stops (below);
        // anything else still open after this is cut off rather than waited for.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(4));

        var app = builder.Build();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("FacilitatorKit");
        StoreSetup.Initialize(connectionString, Path.Combine(AppContext.BaseDirectory, "formats"));
        var databasePath = StoreSetup.DatabasePath(connectionString);
        LogDataLocation(log, databasePath);

        app.Lifetime.ApplicationStarted.Register(() => WarnIfReachableFromTheNetwork(app, log));

        app.UseNetworkEdge();

        // While the app stops, a page that reconnects would hold the stop open (a graceful stop waits for every open
        // connection, 30 s by default): new requests are turned away, and the open pages say they are rejoining.
        app.Use((http, next) =>
        {
            if (!app.Lifetime.ApplicationStopping.IsCancellationRequested)
            {
                return next(http);
            }

            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.Connection = "close";
            return Task.CompletedTask;
        });

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        // An address nothing serves gets the app's own "Not found" page (with the way back), not an empty 404.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use((http, next) =>
        {
            // A live view's connection is answered by its status alone (401 not signed in, 403, 429): no page.
            if (http.Request.Path.StartsWithSegments("/_blazor") && http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            return next(http);
        });
        app.UseRequestLocalization(Cultures());
        app.UseAuthentication();
        app.UseLiveViewLimit();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous(); // the sign-in page's styles; nothing in them is private
        app.MapAccess();
        app.MapGet("/time", (TimeProvider clock) => Results.Json(new { now = clock.GetUtcNow().ToUnixTimeMilliseconds() })).AllowAnonymous();
        app.MapGroupData();
        var looks = new Lazy<Task<LookStyles>>(() => LookStyles.MakeAsync(app.Services, app.Services.GetRequiredService<ILoggerFactory>()));
        app.MapGet("/look.css", async (HttpContext http) =>
        {
            // Made at the first page, not at start-up; then the same bytes, revalidated by their version.
            var styles = await looks.Value;
            var etag = $"\"{styles.Version}\"";
            http.Response.Headers.ETag = etag;
            http.Response.Headers.CacheControl = "no-cache";
            return http.Request.Headers.IfNoneMatch == etag ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Text(styles.Css, "text/css");
        }).AllowAnonymous();
        app.MapSummaryFiles();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(server => server.ContentSecurityFrameAncestorsPolicy = "'none'");
        return app;
    }

    /// <summary>
    /// Who may do what (issue 12): a sign-in cookie for facilitators and for invited devices, checked on every request
    /// (a revoked device, an ended invite or a removed account is turned away at once), and the page policies. The
    /// cookie's keys live in the data folder, so a restart does not sign anyone out.
    /// </summary>
    private static void AddAccess(WebApplicationBuilder builder, string connectionString)
    {
        builder.Services.AddSingleton<FacilitatorAccounts>();
        builder.Services.AddSingleton<Invites>();
        builder.Services.AddSingleton<TriesThrottle>();
        builder.Services.AddSingleton<RoomAddress>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, AccessHandler>();
        builder.Services.AddAuthorization(AccessPolicies.Add);
        // No cascading authentication state: nothing reads it (AccessRouteView and DeviceActor ask the provider), and
        // every live view would hold it.
        builder.Services.AddAuthentication(Who.Scheme).AddCookie(Who.Scheme, cookie =>
        {
            cookie.Cookie.Name = "fk.signin";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax; // a link opened from a QR code or a chat app still signs the device in
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // plain HTTP on a LAN works; HTTPS keeps it secure
            cookie.LoginPath = "/sign-in";
            cookie.AccessDeniedPath = "/not-allowed";
            cookie.SlidingExpiration = true;
            cookie.Events.OnValidatePrincipal = ValidateSignInAsync;
            cookie.Events.OnRedirectToLogin = context =>
            {
                // A live view's connection is answered 401, not sent to a page; a device whose invite ended is told so.
                if (context.Request.Path.StartsWithSegments("/_blazor"))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                }

                context.Response.Redirect(context.HttpContext.Items.ContainsKey(DeviceEnded) ? "/device-ended" : context.RedirectUri);
                return Task.CompletedTask;
            };
        });

        var database = StoreSetup.DatabasePath(connectionString);
        if (!string.IsNullOrEmpty(Path.GetDirectoryName(database)) && !database.Contains(":memory:", StringComparison.Ordinal))
        {
            var keys = Path.Combine(Path.GetDirectoryName(database)!, "keys");
            if (!OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(keys, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keys)).SetApplicationName("FacilitatorKit");

            // The keys are kept unencrypted on purpose, in the data folder that only this user can read (0700), like
            // the database beside them; the framework's warning about it at every first start would only alarm.
            builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        }
    }

    private const string DeviceEnded = "fk:device-ended";

    private static async Task ValidateSignInAsync(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext context)
    {
        var who = Who.Of(context.Principal);
        var services = context.HttpContext.RequestServices;
        var valid = who switch
        {
            null => false,
            { Account: { } account } => await services.GetRequiredService<FacilitatorAccounts>().ExistsAsync(account, context.HttpContext.RequestAborted),
            _ => await services.GetRequiredService<Invites>().StillLetsInAsync(who.Device, context.HttpContext.RequestAborted),
        };
        if (!valid)
        {
            if (who is { Invite: not null })
            {
                context.HttpContext.Items[DeviceEnded] = true;
            }

            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Who.Scheme);
        }
    }

    /// <summary>
    /// A scope whose device acts as <paramref name="actor"/>, for work done outside any browser (tools, tests, start-up):
    /// the scoped use cases resolved from it act for that actor.
    /// </summary>
    public static AsyncServiceScope ScopeActingAs(this IServiceProvider services, Actor actor)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<DeviceActor>().ActAs(actor);
        return scope;
    }

    /// <summary>
    /// Pays for EF Core's first use (its model, the first queries) now, in the background of a started app, rather than
    /// in the first page a facilitator opens. Failing here is harmless: the page would pay it instead.
    /// </summary>
    public static async Task WarmUpAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("FacilitatorKit");
        try
        {
            var groups = app.Services.GetRequiredService<IGroupRepository>();
            await groups.GroupsAsync(app.Lifetime.ApplicationStopping).ConfigureAwait(false);
            await groups.RecentMeetingsAsync(10, app.Lifetime.ApplicationStopping).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogWarmUpFailed(log, e);
        }
    }

    /// <summary>
    /// Numbers, days and times follow the device's culture (its browser's languages, which reach the circuit too); the
    /// words are English until a second Words.*.resx arrives.
    /// </summary>
    private static RequestLocalizationOptions Cultures()
    {
        var options = new RequestLocalizationOptions();
        options.SetDefaultCulture("en-GB");
        options.SupportedCultures = [.. System.Globalization.CultureInfo.GetCultures(System.Globalization.CultureTypes.SpecificCultures)];
        options.SupportedUICultures = [System.Globalization.CultureInfo.GetCultureInfo("en")];
        return options;
    }

    /// <summary>Brings back the meetings that were in progress when the app stopped, before anyone opens them.</summary>
    public static async Task RestoreMeetingsAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var report = await app.Services.GetRequiredService<MeetingSessions>().RestoreInProgressAsync().ConfigureAwait(false);
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("FacilitatorKit");
        LogRestored(log, report.Restored);
        foreach (var meeting in report.Unreadable)
        {
            LogUnreadable(log, meeting.Value);
        }
    }

    private static void WarnIfReachableFromTheNetwork(WebApplication app, ILogger log)
    {
        foreach (var url in app.Urls)
        {
            var host = new Uri(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal)).Host;
            var loopback = host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
            if (!loopback)
            {
                LogReachable(log, url);
            }
        }

        // On a LAN: the address the room's devices use, and a QR code of it for the first tablet (issue 12 §7).
        if (app.Services.GetRequiredService<RoomAddress>().Base is { } room && !app.Environment.IsEnvironment("Testing"))
        {
            var address = room.ToString();
            LogRoomAddress(log, address);
            Console.WriteLine(RoomAddress.QrCodeText(address));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "FacilitatorKit keeps its data in {Path}")]
    private static partial void LogDataLocation(ILogger log, string path);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Warming up the store failed; the first page will be slower")]
    private static partial void LogWarmUpFailed(ILogger log, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Restored {Count} meeting(s) that were in progress")]
    private static partial void LogRestored(ILogger log, int count);

    // The meeting's id only: never a name, never a note.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {Meeting} could not be restored: its log cannot be read. The other meetings are available; restore the data file from a backup to recover this one")]
    private static partial void LogUnreadable(ILogger log, Guid meeting);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening on {Url}: devices on this network can reach the sign-in page and invite links. Plain HTTP can be read by others on a shared Wi-Fi; see the README for HTTPS.")]
    private static partial void LogReachable(ILogger log, string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "Devices in the room open {Url} (QR code below); invite them from the meeting console")]
    private static partial void LogRoomAddress(ILogger log, string url);
}
