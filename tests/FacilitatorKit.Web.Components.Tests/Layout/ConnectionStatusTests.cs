using Bunit;
using FacilitatorKit.Web.Components.Layout;
using FacilitatorKit.Web.Components.Tests.Support;

namespace FacilitatorKit.Web.Components.Tests.Layout;

/// <summary>
/// The connection status is rendered statically (it must work while the circuit is down) and is driven by its own
/// script, which these tests do not run: what the status says as the connection drops and comes back is the browser
/// tests' (WiFiDropTests). Here: what the script has to work with.
/// </summary>
public class ConnectionStatusTests : ComponentTest
{
    [Fact]
    public void AStatus_IsAlwaysThere_EmptyUntilTheConnectionDrops()
    {
        var cut = Context.Render<ConnectionStatus>();

        var status = Assert.Single(cut.AllByRole("status"));
        Assert.Equal("connection-status", status.Id);
        Assert.Equal("polite", status.GetAttribute("aria-live"));
        Assert.Equal("", Accessible.TextOf(status));
    }

    [Fact]
    public void TheBanner_HasTheWordsForEachState_AndTryAgain()
    {
        var cut = Context.Render<ConnectionStatus>();

        Assert.StartsWith("Connection lost. Reconnecting…", cut.Find("p.reconnect-trying").TextContent, StringComparison.Ordinal);
        Assert.Equal("Still no connection. Check the Wi-Fi, then try again.", cut.Find("p.reconnect-failed").TextContent);
        Assert.Equal("button", cut.ByRole("button", "Try again").GetAttribute("type"));
        Assert.EndsWith("Components/Layout/ConnectionStatus.razor.js", cut.Find("script[type=module]").GetAttribute("src"), StringComparison.Ordinal);
    }
}
