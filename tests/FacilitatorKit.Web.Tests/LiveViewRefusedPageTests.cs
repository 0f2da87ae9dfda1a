using FacilitatorKit.Web.Edge;
using FacilitatorKit.Web.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FacilitatorKit.Web.Tests;

/// <summary>
/// Issue 12 §6: over the live-view limit, the page says so calmly instead of staying blank (Blazor only logs that its
/// start failed). Its own app, with a limit of one and loopback not exempt, in the shared browser.
/// </summary>
public sealed class LiveViewRefusedPageTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task APageOverTheLimit_SaysSoCalmly_AndWorksOnceAnotherIsClosed()
    {
        await using var server = await RestartableApp.StartAsync(builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [LiveViewLimit.PerAddressSetting] = "1",
            [LiveViewLimit.LimitLoopbackSetting] = "true",
        }));
        var onThisServer = new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString() };
        var meeting = await SeedMeetingAsync(server.Groups, PeerSupportCircle, "Ana", "Ben");

        // Two room displays invited by link (a signed-in facilitator is never held back, so these are not theirs).
        var first = await OpenDeviceAsync("first display", options: onThisServer, signedIn: false);
        await first.Context.AddCookiesAsync([await SigningIn.InvitedDeviceCookieAsync(server.BaseAddress, server.Services, meeting, Engine.Roles.Role.Display)]);
        await new Pages.DisplayPage(first.Page).GotoAsync(meeting);

        var second = await OpenDeviceAsync("second display", options: onThisServer, signedIn: false);
        await second.Context.AddCookiesAsync([await SigningIn.InvitedDeviceCookieAsync(server.BaseAddress, server.Services, meeting, Engine.Roles.Role.Display)]);
        await second.Page.GotoAsync($"/meetings/{meeting}/display");

        var refused = second.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = LiveViewLimit.RefusedMessage });
        await Expect(refused).ToBeVisibleAsync();
        await Expect(new Pages.DisplayPage(second.Page).CurrentSpeaker).ToHaveCountAsync(0);

        await first.DisposeAsync();
        await ExpectEventuallyAsync(async () =>
        {
            await second.Page.ReloadAsync();
            return await WaitForLiveAsync(second.Page);
        }, "the second display working once the first is closed");
        await Expect(refused).ToBeHiddenAsync();
    }

    private static async Task<bool> WaitForLiveAsync(IPage page)
    {
        try
        {
            await new Pages.DisplayPage(page).CurrentSpeaker.WaitForAsync(new() { Timeout = 3000 });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
