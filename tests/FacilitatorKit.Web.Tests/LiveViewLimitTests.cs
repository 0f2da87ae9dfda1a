using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using FacilitatorKit.Web.Edge;
using FacilitatorKit.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace FacilitatorKit.Web.Tests;

/// <summary>
/// Issue 12 §6 and F7: one client opened 1,000 live views in 8.7 s. Against the real server, each test on its own app:
/// all test traffic is loopback, so the limit is lowered and the loopback exemption turned off there.
/// </summary>
public sealed class LiveViewLimitTests
{
    [Fact]
    public async Task OverTheLimit_ALiveView_Gets429AndACalmSentence_AndClosingOneFreesAPlace()
    {
        await using var server = await RestartableApp.StartAsync(builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [LiveViewLimit.PerAddressSetting] = "3",
            [LiveViewLimit.LimitLoopbackSetting] = "true",
        }));
        var display = await DisplayCookieAsync(server);
        var open = new List<ClientWebSocket>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                open.Add(await OpenLiveViewAsync(server.BaseAddress, display));
            }

            var refused = await TryOpenAsync(server.BaseAddress, display);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
            using (var http = new HttpClient { BaseAddress = server.BaseAddress })
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
                request.Headers.Add("Cookie", display);
                using var negotiate = await http.SendAsync(request);
                Assert.Equal(HttpStatusCode.TooManyRequests, negotiate.StatusCode);
                Assert.Equal(LiveViewLimit.RefusedMessage, await negotiate.Content.ReadAsStringAsync());
                using var page = await http.GetAsync("/sign-in"); // pages themselves are not limited, only live views
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            }

            // A signed-in facilitator is never held back, even from an address that is at its limit.
            var facilitator = await FacilitatorCookieAsync(server);
            for (var i = 0; i < 3; i++)
            {
                open.Add(await OpenLiveViewAsync(server.BaseAddress, facilitator));
            }

            await open[0].CloseAsync(WebSocketCloseStatus.NormalClosure, "closing a tab", CancellationToken.None);
            open[0].Dispose();
            open.RemoveAt(0);

            // The server ends the closed connection's request a moment later: its place is free within a second or two.
            ClientWebSocket? again = null;
            for (var attempt = 0; attempt < 50 && again is null; attempt++)
            {
                var (status, socket) = await TryOpenAsync(server.BaseAddress, display);
                again = socket;
                if (socket is null)
                {
                    Assert.Equal(HttpStatusCode.TooManyRequests, status);
                    await Task.Delay(100);
                }
            }

            Assert.NotNull(again);
            open.Add(again);
            Assert.Equal(HttpStatusCode.TooManyRequests, (await TryOpenAsync(server.BaseAddress, display)).Status);
        }
        finally
        {
            foreach (var socket in open)
            {
                socket.Dispose();
            }
        }
    }

    [Fact]
    public async Task FromLoopback_LiveViewsAreNotLimited_ByDefault()
    {
        await using var server = await RestartableApp.StartAsync(builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [LiveViewLimit.PerAddressSetting] = "2",
        }));
        var display = await DisplayCookieAsync(server);
        var open = new List<ClientWebSocket>();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                open.Add(await OpenLiveViewAsync(server.BaseAddress, display));
            }
        }
        finally
        {
            foreach (var socket in open)
            {
                socket.Dispose();
            }
        }
    }

    [Theory]
    [InlineData("/_blazor", "192.168.1.20", false, "192.168.1.20")]
    [InlineData("/_blazor/negotiate", "::ffff:192.168.1.20", false, "192.168.1.20")] // one address, however it arrives
    [InlineData("/_blazor", "127.0.0.1", false, null)]
    [InlineData("/_blazor", "::1", false, null)]
    [InlineData("/_blazor", "127.0.0.1", true, "127.0.0.1")]
    [InlineData("/", "192.168.1.20", false, null)] // pages and files: not live views
    [InlineData("/_blazorx", "192.168.1.20", false, null)]
    public void WhichConnectionsAreLimited(string path, string remote, bool limitLoopback, string? expected) =>
        Assert.Equal(expected, LiveViewLimit.PartitionOf(new PathString(path), IPAddress.Parse(remote), limitLoopback));

    /// <summary>A room display invited into a meeting on this server: its cookie, as a Cookie header.</summary>
    private static async Task<string> DisplayCookieAsync(RestartableApp server)
    {
        var meeting = await BrowserTest.SeedMeetingAsync(server.Groups, BrowserTest.PeerSupportCircle, "Ana", "Ben");
        var cookie = await SigningIn.InvitedDeviceCookieAsync(server.BaseAddress, server.Services, meeting, Engine.Roles.Role.Display);
        return $"{cookie.Name}={cookie.Value}";
    }

    private static async Task<string> FacilitatorCookieAsync(RestartableApp server)
    {
        var cookie = await SigningIn.FacilitatorCookieAsync(server.BaseAddress);
        return $"{cookie.Name}={cookie.Value}";
    }

    /// <summary>A live view's connection as the page opens it: negotiate, then the WebSocket, then the handshake.</summary>
    private static async Task<ClientWebSocket> OpenLiveViewAsync(Uri server, string cookie)
    {
        var (status, socket) = await TryOpenAsync(server, cookie);
        return socket ?? throw new InvalidOperationException($"The live view was refused: {status}");
    }

    private static async Task<(HttpStatusCode Status, ClientWebSocket? Socket)> TryOpenAsync(Uri server, string cookie)
    {
        using var http = new HttpClient { BaseAddress = server };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        request.Headers.Add("Cookie", cookie);
        using var negotiate = await http.SendAsync(request);
        var token = "";
        if (negotiate.IsSuccessStatusCode)
        {
            using var negotiated = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync());
            token = negotiated.RootElement.GetProperty("connectionToken").GetString()!;
        }

        // The WebSocket is tried even after a refused negotiate: it is the connection that holds a place.
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Cookie", cookie);
        var address = new UriBuilder(server) { Scheme = "ws", Path = "/_blazor", Query = token.Length > 0 ? "id=" + Uri.EscapeDataString(token) : "" }.Uri;
        try
        {
            await socket.ConnectAsync(address, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            var status = socket.HttpStatusCode;
            socket.Dispose();
            return (status, null);
        }

        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"blazorpack\",\"version\":1}\u001e"), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        return (HttpStatusCode.SwitchingProtocols, socket);
    }
}
