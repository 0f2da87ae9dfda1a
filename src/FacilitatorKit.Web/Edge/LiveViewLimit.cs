using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace FacilitatorKit.Web.Edge;

/// <summary>
/// At most so many live views (connections to /_blazor, one per open page) from one client address at once (issue 12
/// F7: one client opened 1,000 in 8.7 s, adding 482 MB). A room needs a laptop, a tablet, a display and perhaps a few
/// phones behind one router: 20 leaves plenty of room. The connection over it gets 429 and a calm sentence; closing a
/// page frees its place at once. The laptop running the app (loopback) is never limited: the facilitator's own tabs and
/// the measuring tools (CircuitMemory opens 200 views from 127.0.0.1) run there, and it already has the database file.
/// A signed-in facilitator's views are never limited; the loopback exemption keeps the laptop itself out of it too.
/// Built on the framework's concurrency limiter: each connection holds its permit for as long as it stays open.
/// Settings: <c>FacilitatorKit:LiveViewsPerAddress</c> (20) and <c>FacilitatorKit:LiveViewsLimitLoopback</c> (false).
/// </summary>
public static class LiveViewLimit
{
    public const string PerAddressSetting = "FacilitatorKit:LiveViewsPerAddress";
    public const string LimitLoopbackSetting = "FacilitatorKit:LiveViewsLimitLoopback";
    public const int DefaultPerAddress = 20;

    /// <summary>What a refused connection's response says (plain text).</summary>
    public const string RefusedMessage =
        "This device (or its network) already has many pages of FacilitatorKit open. Close one you no longer need, then reload this page.";

    /// <summary>The address a connection is limited under, or null when it is not limited (not a live view, or loopback when exempt).</summary>
    public static string? PartitionOf(PathString path, IPAddress? remote, bool limitLoopback)
    {
        if (!path.StartsWithSegments("/_blazor"))
        {
            return null;
        }

        if (remote is null)
        {
            return limitLoopback ? "unknown" : null; // no address: an in-process test server, never a network client
        }

        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }

        return IPAddress.IsLoopback(remote) && !limitLoopback ? null : remote.ToString();
    }

    /// <summary>Registers the limit from the settings (read now: call it after any configuration a host adds).</summary>
    public static void AddLiveViewLimit(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var perAddress = builder.Configuration.GetValue<int?>(PerAddressSetting) is { } n and > 0 ? n : DefaultPerAddress;
        var limitLoopback = builder.Configuration.GetValue(LimitLoopbackSetting, false);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                Access.Who.Of(http.User)?.IsFacilitator != true // a signed-in facilitator is never held back
                && PartitionOf(http.Request.Path, http.Connection.RemoteIpAddress, limitLoopback) is { } address
                    ? RateLimitPartition.GetConcurrencyLimiter(address, _ => new ConcurrencyLimiterOptions { PermitLimit = perAddress, QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            options.OnRejected = (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                return new ValueTask(context.HttpContext.Response.WriteAsync(RefusedMessage, cancellationToken));
            };
        });
    }

    /// <summary>Applies the limit: after the Origin check, so a foreign page's attempt never takes a place, and after authentication, so a signed-in facilitator is known.</summary>
    public static void UseLiveViewLimit(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
    }
}
