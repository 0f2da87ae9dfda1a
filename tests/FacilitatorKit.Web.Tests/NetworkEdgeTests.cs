using System.Net;
using System.Net.WebSockets;
using FacilitatorKit.Web.Edge;
using FacilitatorKit.Web.Tests.Pages;
using FacilitatorKit.Web.Tests.Support;
using Microsoft.Playwright;
using Cookie = Microsoft.Playwright.Cookie;

namespace FacilitatorKit.Web.Tests;

/// <summary>
/// Issue 12 §5, F2 and F10: even on localhost, a page of another site could reach the app: any Host was answered,
/// /_blazor took a live view from a foreign Origin, and only anti-framing headers were sent. Against the real server.
/// </summary>
public sealed class NetworkEdgeTests(WebAppFixture app) : BrowserTest(app)
{
    [Theory]
    [InlineData("evil.example", HttpStatusCode.BadRequest)]
    [InlineData("rebound.attacker.example:5000", HttpStatusCode.BadRequest)]
    [InlineData("localhost", HttpStatusCode.OK)]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    public async Task OnlyTheNamesTheAppIsReachedBy_AreAnswered(string host, HttpStatusCode expected)
    {
        using var client = new HttpClient { BaseAddress = App.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sign-in"); // open to anyone, so only the Host decides
        request.Headers.Host = host;

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task ALiveViewsNegotiate_FromAPageOfAnotherSite_IsRefused_AndFromItsOwnPage_Accepted()
    {
        using var client = new HttpClient { BaseAddress = App.BaseAddress };

        var signedIn = await SigningIn.FacilitatorCookieAsync(App.BaseAddress);
        var own = App.BaseAddress.GetLeftPart(UriPartial.Authority);

        // Refused for its origin even with the facilitator's cookie (a foreign page's request carries it).
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync(client, "http://evil.example", signedIn));
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync(client, "null", signedIn));
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(client, own, signedIn));
        Assert.Equal(HttpStatusCode.Unauthorized, await NegotiateAsync(client, own, cookie: null)); // its own page, but nobody signed in
    }

    [Fact]
    public async Task ALiveViewsWebSocket_FromAPageOfAnotherSite_IsRefused()
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", "http://evil.example");
        socket.Options.CollectHttpResponseDetails = true;
        var address = new UriBuilder(new Uri(App.BaseAddress, "/_blazor")) { Scheme = "ws" }.Uri;

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(address, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
    }

    [Fact]
    public async Task EveryResponse_CarriesTheSecurityHeaders()
    {
        using var client = new HttpClient { BaseAddress = App.BaseAddress };

        foreach (var path in new[] { "/", "/not-a-page", "/css/app.css", "/time" })
        {
            using var response = await client.GetAsync(path);
            Assert.Contains(NetworkEdge.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy"));
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        }
    }

    /// <summary>The policy is strict and the pages still work: a whole turn on the console breaks none of it.</summary>
    [Fact]
    public async Task TheConsole_RunsATurn_WithoutOneContentSecurityPolicyViolation()
    {
        var device = await OpenDeviceAsync("facilitator");
        await device.Page.AddInitScriptAsync("""
            window.violations = [];
            document.addEventListener("securitypolicyviolation", e => window.violations.push(e.violatedDirective + " " + e.blockedURI));
            """);
        var meeting = await SeedMeetingAsync(PeerSupportCircle, "Alex", "Blake");
        var console = new ConsolePage(device.Page);
        await console.GotoAsync(meeting);
        await StartCheckInRoundAsync(console, "Alex");
        await console.PressShortcutAsync("?");
        await Assertions.Expect(device.Page.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" })).ToBeVisibleAsync();

        Assert.Empty(await device.Page.EvaluateAsync<string[]>("() => window.violations"));
    }

    private static async Task<HttpStatusCode> NegotiateAsync(HttpClient client, string origin, Cookie? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", origin);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
