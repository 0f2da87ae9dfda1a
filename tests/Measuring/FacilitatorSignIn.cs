using System.Net;
using System.Text.RegularExpressions;

namespace FacilitatorKit.Measuring;

/// <summary>
/// The measuring tools' facilitator: signed in as a browser is (the form, its antiforgery token, the cookie), or set up
/// on a fresh database by the first-run form. Every view a tool opens carries this cookie, as a facilitator's devices
/// would; a signed-in facilitator's views are never held back by the live-view limit.
/// </summary>
internal static partial class FacilitatorSignIn
{
    public const string Alias = "Measure";
    public const string Passphrase = "a long evening of numbers";

    /// <summary>The sign-in cookie as a Cookie header's value ("fk.signin=…").</summary>
    public static async Task<string> CookieAsync(Uri server, CancellationToken cancellationToken = default)
    {
        var jar = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = server };
        var page = await http.GetStringAsync(new Uri(server, "sign-in"), cancellationToken).ConfigureAwait(false);
        var firstRun = page.Contains("action=\"/first-run\"", StringComparison.Ordinal);
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("The sign-in page has no antiforgery token."),
            ["alias"] = Alias,
            ["passphrase"] = Passphrase,
        };
        if (firstRun)
        {
            form["again"] = Passphrase;
        }

        using var content = new FormUrlEncodedContent(form);
        using var posted = await http.PostAsync(new Uri(server, firstRun ? "first-run" : "sign-in"), content, cancellationToken).ConfigureAwait(false);
        var cookie = jar.GetCookies(server)["fk.signin"]
            ?? throw new InvalidOperationException($"Signing in to {server} answered {(int)posted.StatusCode} and set no cookie.");
        return $"{cookie.Name}={cookie.Value}";
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
