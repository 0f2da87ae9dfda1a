using FacilitatorKit.Application.Access;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Web.Components.Access;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FacilitatorKit.Web.Access;

/// <summary>
/// Signing in, the first facilitator, signing out, and joining by an invite: plain forms posted to these endpoints.
/// Each post is checked against forgery; wrong passphrases and wrong links count against the client's address.
/// </summary>
public static partial class AccessEndpoints
{
    private const string LogCategory = "FacilitatorKit.Access";

    public static void MapAccess(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/sign-in", async (HttpContext http, FacilitatorAccounts accounts, string? returnUrl) =>
            await accounts.AnyAsync(http.RequestAborted) ? Page(http, AccessMode.SignIn, returnUrl: Local(returnUrl)) : Page(http, AccessMode.FirstRun))
            .AllowAnonymous();

        app.MapPost("/sign-in", async (HttpContext http, FacilitatorAccounts accounts, TriesThrottle throttle, Words words, ILoggerFactory logs) =>
        {
            var form = await FormAsync(http);
            if (form is null)
            {
                return Forged(http, words);
            }

            var client = http.Connection.RemoteIpAddress;
            if (Waiting(http, throttle, words, "/sign-in") is { } waiting)
            {
                return waiting;
            }

            var alias = form["alias"].ToString();
            var account = await accounts.CheckAsync(alias, form["passphrase"], http.RequestAborted);
            if (account is null)
            {
                throttle.Failed(client);
                var log = logs.CreateLogger(LogCategory);
                LogSignInFailed(log);
                return Page(http, AccessMode.SignIn, words["Access.Wrong"], isError: true, alias: alias, returnUrl: Local(form["returnUrl"]), status: StatusCodes.Status401Unauthorized);
            }

            throttle.Succeeded(client);
            await SignInAsync(http, new Who(Guid.NewGuid(), account.Id, account.GroupId, null, null, null), days: 14);
            return Results.LocalRedirect(Local(form["returnUrl"]) ?? "/");
        }).AllowAnonymous();

        app.MapPost("/first-run", async (HttpContext http, FacilitatorAccounts accounts, Words words) =>
        {
            var form = await FormAsync(http);
            if (form is null)
            {
                return Forged(http, words);
            }

            if (!FromThisComputer(http))
            {
                return Page(http, AccessMode.FirstRun, words["Access.FirstRunHereOnly"], isError: true, status: StatusCodes.Status403Forbidden);
            }

            var alias = form["alias"].ToString();
            if (form["passphrase"] != form["again"])
            {
                return Page(http, AccessMode.FirstRun, words["Access.NotTheSame"], isError: true, field: "Again", alias: alias, status: StatusCodes.Status400BadRequest);
            }

            var added = await accounts.AddAsync(new NewFacilitator(alias, form["passphrase"]), group: null, http.RequestAborted);
            if (!added.IsValid)
            {
                var problem = added.Errors[0];
                return problem.Is(Application.Validation.InputProblem.AlreadySetUp)
                    ? Page(http, AccessMode.SignIn, words.Of(problem), isError: true, status: StatusCodes.Status409Conflict)
                    : Page(http, AccessMode.FirstRun, words.Of(problem), isError: true, field: problem.Field, alias: alias, status: StatusCodes.Status400BadRequest);
            }

            await SignInAsync(http, new Who(Guid.NewGuid(), added.Value!.Id, null, null, null, null), days: 14);
            return Results.LocalRedirect("/");
        }).AllowAnonymous();

        app.MapGet("/sign-out", (HttpContext http) => Page(http, AccessMode.SignOut)).AllowAnonymous();
        app.MapPost("/sign-out", async (HttpContext http, Words words) =>
        {
            if (await FormAsync(http) is null)
            {
                return Forged(http, words);
            }

            await http.SignOutAsync(Who.Scheme);
            return Results.LocalRedirect("/sign-in");
        }).AllowAnonymous();

        app.MapGet("/join/{token}", async (HttpContext http, string token, Invites invites, TriesThrottle throttle, Words words) =>
        {
            var client = http.Connection.RemoteIpAddress;
            if (Waiting(http, throttle, words, http.Request.Path) is { } waiting)
            {
                return waiting;
            }

            if (await invites.FindAsync(token, http.RequestAborted) is not { } invite)
            {
                throttle.Failed(client);
                return Page(http, AccessMode.Ended, words["Access.LinkEnded"], isError: true, status: StatusCodes.Status404NotFound);
            }

            return Page(http, AccessMode.Join, token: token, role: invite.Role);
        }).AllowAnonymous();

        app.MapPost("/join", async (HttpContext http, Invites invites, TriesThrottle throttle, Words words) =>
        {
            var form = await FormAsync(http);
            if (form is null)
            {
                return Forged(http, words);
            }

            var client = http.Connection.RemoteIpAddress;
            if (Waiting(http, throttle, words, "/sign-in") is { } waiting)
            {
                return waiting;
            }

            if (await invites.FindAsync(form["token"], http.RequestAborted) is not { } invite)
            {
                throttle.Failed(client);
                return Page(http, AccessMode.Ended, words["Access.LinkEnded"], isError: true, status: StatusCodes.Status404NotFound);
            }

            // The same device pressing Join again (a double tap, a reload) stays the one device.
            if (Who.Of(http.User) is { Invite: { } already } same && already == invite.Id && invites.IsActive(same.Device))
            {
                return Results.LocalRedirect(PageOf(invite.MeetingId, invite.Role));
            }

            if (invites.IsFull(invite))
            {
                return Page(http, AccessMode.Ended, words["Access.LinkFull"], isError: true, status: StatusCodes.Status409Conflict);
            }

            var device = await invites.JoinAsync(invite, http.Request.Headers.UserAgent, http.RequestAborted);
            await SignInAsync(http, new Who(device.Id, null, null, invite.Id, invite.MeetingId, invite.Role), days: 1, refresh: false);
            return Results.LocalRedirect(PageOf(invite.MeetingId, invite.Role));
        }).AllowAnonymous();

        app.MapGet("/not-allowed", (HttpContext http) => Page(http, AccessMode.NotAllowed, status: StatusCodes.Status403Forbidden)).AllowAnonymous();
        app.MapGet("/device-ended", (HttpContext http, Words words) => Page(http, AccessMode.Ended, words["Access.DeviceEnded"])).AllowAnonymous();
    }

    /// <summary>
    /// The first facilitator is set up on the computer the app runs on: on a LAN, anyone else who reached the page
    /// first would otherwise become the facilitator of every group.
    /// </summary>
    internal static bool FromThisComputer(HttpContext http) =>
        http.Connection.RemoteIpAddress is not { } remote || System.Net.IPAddress.IsLoopback(remote)
        || (remote.IsIPv4MappedToIPv6 && System.Net.IPAddress.IsLoopback(remote.MapToIPv4()));

    /// <summary>Where an invited device goes: its role's page of the meeting.</summary>
    public static string PageOf(Guid meeting, Role role) => role switch
    {
        Role.CoFacilitator => $"/meetings/{meeting}/follow",
        Role.Display => $"/meetings/{meeting}/display",
        Role.Member => $"/meetings/{meeting}/me",
        _ => $"/meetings/{meeting}",
    };

    private static async Task SignInAsync(HttpContext http, Who who, int days, bool refresh = true)
    {
        // A facilitator's cookie lasts while they keep using the app; a device's a day at most, never renewed (its
        // invite ends with the meeting anyway, and each request checks that).
        await http.SignInAsync(Who.Scheme, who.ToPrincipal(), new AuthenticationProperties
        {
            IsPersistent = true,
            ExpiresUtc = DateTimeOffset.UtcNow.AddDays(days),
            AllowRefresh = refresh,
        });
    }

    private static async Task<IFormCollection?> FormAsync(HttpContext http)
    {
        try
        {
            await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            return await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (AntiforgeryValidationException)
        {
            return null;
        }
        catch (InvalidDataException)
        {
            return null; // not a form, or a form too large
        }
    }

    private static RazorComponentResult<AccessPage> Forged(HttpContext http, Words words) =>
        Page(http, AccessMode.Wait, words["Access.Forged"], isError: true, status: StatusCodes.Status400BadRequest);

    /// <summary>The calm "too many tries" page while this client must still wait; null when it may try now.</summary>
    private static RazorComponentResult<AccessPage>? Waiting(HttpContext http, TriesThrottle throttle, Words words, string retry)
    {
        var wait = throttle.WaitFor(http.Connection.RemoteIpAddress);
        return wait > TimeSpan.Zero ? TooMany(http, words, wait, retry) : null;
    }

    private static RazorComponentResult<AccessPage> TooMany(HttpContext http, Words words, TimeSpan wait, string retry)
    {
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Whole seconds under a minute, whole minutes above: "30 seconds", "4 minutes". Rounded up, never a moment short.
        var said = wait < TimeSpan.FromMinutes(1) ? TimeSpan.FromSeconds(Math.Ceiling(wait.TotalSeconds)) : TimeSpan.FromMinutes(Math.Ceiling(wait.TotalMinutes));
        return Page(http, AccessMode.Wait, words["Access.TooMany", ("Wait", words.Duration(said))], isError: true, retry: retry, status: StatusCodes.Status429TooManyRequests);
    }

    /// <summary>A return address only if it is a page of this app ("/…", never "//…" or another site).</summary>
    private static string? Local(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : null;

    private static RazorComponentResult<AccessPage> Page(
        HttpContext http, AccessMode mode, string? message = null, bool isError = false, string? field = null, string? alias = null,
        string? returnUrl = null, string? token = null, Role? role = null, string? retry = null, int status = StatusCodes.Status200OK)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        http.Response.Headers.CacheControl = "no-store";
        return new RazorComponentResult<AccessPage>(new Dictionary<string, object?>
        {
            [nameof(AccessPage.Mode)] = mode,
            [nameof(AccessPage.Message)] = message,
            [nameof(AccessPage.IsError)] = isError,
            [nameof(AccessPage.Field)] = field,
            [nameof(AccessPage.Alias)] = alias,
            [nameof(AccessPage.ReturnUrl)] = returnUrl,
            [nameof(AccessPage.Token)] = token,
            [nameof(AccessPage.Role)] = role,
            [nameof(AccessPage.Retry)] = retry,
            [nameof(AccessPage.AntiforgeryField)] = tokens.FormFieldName,
            [nameof(AccessPage.AntiforgeryToken)] = tokens.RequestToken,
        })
        { StatusCode = status };
    }

    // Never the alias: a log must not name anyone.
    [LoggerMessage(Level = LogLevel.Information, Message = "A sign-in was refused: wrong alias or passphrase")]
    private static partial void LogSignInFailed(ILogger log);
}
