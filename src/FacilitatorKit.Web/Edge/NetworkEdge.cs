using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.AspNetCore.HostFiltering;

namespace FacilitatorKit.Web.Edge;

/// <summary>
/// What the app answers at its edge, before any page: only the names it is reached by (so a page elsewhere cannot
/// reach it by pointing a name of its own at this laptop), live views only from its own pages (never from a page of
/// another site), and the headers that keep a browser from doing more than the pages need.
/// </summary>
public static class NetworkEdge
{
    /// <summary>
    /// The policy every response carries: scripts, styles, connections and images from the app itself only (MudBlazor
    /// sets style attributes, hence inline styles), no plugins, and no framing by any page.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>
    /// The host names the app answers to: loopback always, and the addresses it listens on when the facilitator opted
    /// in with --urls (for a wildcard address, this machine's own addresses and names). A request naming any other host
    /// gets 400. An explicit AllowedHosts setting other than "*" replaces this.
    /// </summary>
    public static IReadOnlyList<string> AllowedHosts(IEnumerable<string> urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var hosts = new SortedSet<string>(Loopback, StringComparer.OrdinalIgnoreCase);
        foreach (var url in urls)
        {
            var host = HostOf(url);
            if (host is "*" or "+" or "0.0.0.0" or "[::]")
            {
                hosts.UnionWith(ThisMachine());
            }
            else if (host.Length > 0)
            {
                hosts.Add(host);
            }
        }

        return [.. hosts];
    }

    /// <summary>Host filtering from the configured addresses (see <see cref="AllowedHosts"/>).</summary>
    public static void AddNetworkEdge(this WebApplicationBuilder builder, string urls)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configured = builder.Configuration["AllowedHosts"];
        var allowed = string.IsNullOrWhiteSpace(configured) || configured.Trim() == "*"
            ? AllowedHosts(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            : [.. configured.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        builder.Services.Configure<HostFilteringOptions>(options =>
        {
            options.AllowedHosts = [.. allowed];
            options.IncludeFailureMessage = false;
        });
    }

    /// <summary>
    /// The security headers on every response, and the Origin check on the live views' connection (/_blazor): a
    /// negotiate or WebSocket sent by a page of another origin gets 403. Tools without a browser send no Origin.
    /// </summary>
    public static void UseNetworkEdge(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            if (http.Request.Path.StartsWithSegments("/_blazor") && !FromOwnPage(http.Request))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }

            return next(http);
        });
    }

    /// <summary>True when the request has no Origin (not sent by a page) or its Origin is this app's own address.</summary>
    public static bool FromOwnPage(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var origins = request.Headers.Origin;
        if (origins.Count == 0)
        {
            return true;
        }

        if (origins.Count != 1 || !Uri.TryCreate(origins[0], UriKind.Absolute, out var origin))
        {
            return false; // "null", or several: not a page of this app
        }

        return string.Equals(origin.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(origin.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase)
            && origin.Port == (request.Host.Port ?? (request.IsHttps ? 443 : 80));
    }

    private static string HostOf(string url)
    {
        // Uri does not parse the wildcards Kestrel takes ("http://*:5000", "http://+:5000").
        var rest = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        var end = rest.StartsWith('[') ? rest.IndexOf(']', StringComparison.Ordinal) + 1 : rest.IndexOfAny([':', '/']);
        return (end <= 0 ? rest : rest[..end]).ToLowerInvariant();
    }

    private static IEnumerable<string> ThisMachine()
    {
        var name = Dns.GetHostName();
        yield return name;
        yield return name + ".local";
        IEnumerable<UnicastIPAddressInformation> addresses;
        try
        {
            addresses = [.. NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)];
        }
        catch (NetworkInformationException)
        {
            yield break;
        }

        foreach (var address in addresses.Select(a => a.Address))
        {
            yield return address.AddressFamily == AddressFamily.InterNetworkV6
                ? $"[{new IPAddress(address.GetAddressBytes())}]" // the Host header carries no zone ("%eth0")
                : address.ToString();
        }
    }
}
