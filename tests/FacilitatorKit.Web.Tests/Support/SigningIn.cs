using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Cookie = Microsoft.Playwright.Cookie;

namespace FacilitatorKit.Web.Tests.Support;

/// <summary>
/// Signs a facilitator in to a test server the way a browser does: the form, its antiforgery token, the cookie. On a
/// server with no facilitator yet, the first-run form makes one. Each server's cookie is made once and given to every
/// device a test opens as the facilitator's (each device is still its own browser context).
/// </summary>
public static partial class SigningIn
{
    public const string Alias = "Robin";
    public const string Passphrase = "a quiet hall on tuesday";

    private static readonly ConcurrentDictionary<string, Lazy<Task<Cookie>>> Cookies = new();

    /// <summary>The facilitator's sign-in cookie for <paramref name="server"/>.</summary>
    public static Task<Cookie> FacilitatorCookieAsync(Uri server) =>
        Cookies.GetOrAdd(server.GetLeftPart(UriPartial.Authority), s => new Lazy<Task<Cookie>>(() => SignInAsync(new Uri(s + "/")))).Value;

    /// <summary>Signs in (or sets up the first facilitator) with an HTTP client, and returns the cookie a browser would hold.</summary>
    public static async Task<Cookie> SignInAsync(Uri server, string alias = Alias, string passphrase = Passphrase)
    {
        var jar = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = server };
        var page = await http.GetStringAsync("sign-in");
        var firstRun = page.Contains("action=\"/first-run\"", StringComparison.Ordinal);
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenOf(page),
            ["alias"] = alias,
            ["passphrase"] = passphrase,
        };
        if (firstRun)
        {
            form["again"] = passphrase;
        }

        using var posted = await http.PostAsync(firstRun ? "first-run" : "sign-in", new FormUrlEncodedContent(form));
        if (posted.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in to {server} as {alias} answered {(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
        }

        var cookie = jar.GetCookies(server)["fk.signin"] ?? throw new InvalidOperationException("Signing in set no cookie.");
        return new Cookie { Name = cookie.Name, Value = cookie.Value, Domain = server.Host, Path = "/", HttpOnly = true, SameSite = SameSiteAttribute.Lax };
    }

    /// <summary>
    /// A device invited into <paramref name="meeting"/> as <paramref name="role"/>: the invite is made as the console
    /// makes it, then redeemed as a browser does (the link's page, then its Join form). Returns the device's cookie.
    /// </summary>
    public static async Task<Cookie> InvitedDeviceCookieAsync(Uri server, IServiceProvider services, Guid meeting, Engine.Roles.Role role)
    {
        var invite = await services.GetRequiredService<Access.Invites>().CreateAsync(new Engine.MeetingId(meeting), role);
        return await RedeemAsync(server, invite.Token);
    }

    /// <summary>Opens an invite link and presses its Join button, as a browser does; returns the device's cookie.</summary>
    public static async Task<Cookie> RedeemAsync(Uri server, string token)
    {
        var jar = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = server };
        var page = await http.GetStringAsync($"join/{token}");
        using var joined = await http.PostAsync("join", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenOf(page),
            ["token"] = token,
        }));
        if (joined.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Joining by the invite answered {(int)joined.StatusCode}.");
        }

        var cookie = jar.GetCookies(server)["fk.signin"] ?? throw new InvalidOperationException("Joining set no cookie.");
        return new Cookie { Name = cookie.Name, Value = cookie.Value, Domain = server.Host, Path = "/", HttpOnly = true, SameSite = SameSiteAttribute.Lax };
    }

    /// <summary>The antiforgery token in a page's form.</summary>
    public static string TokenOf(string page) =>
        Token().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
