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
        var first = await OpenDeviceAsync("first tab", options: onThisServer);
        await first.Page.GotoAsync("/");
        var newGroup = first.Page.GetByRole(AriaRole.Button, new() { Name = "New group", Exact = true });
        await Expect(newGroup).ToBeVisibleAsync();

        var second = await OpenDeviceAsync("second tab", options: onThisServer);
        await second.Page.GotoAsync("/");

        var refused = second.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = LiveViewLimit.RefusedMessage });
        await Expect(refused).ToBeVisibleAsync();
        await Expect(second.Page.GetByRole(AriaRole.Button, new() { Name = "New group", Exact = true })).ToHaveCountAsync(0);

        await first.DisposeAsync();
        await ExpectEventuallyAsync(async () =>
        {
            await second.Page.ReloadAsync();
            return await WaitForNewGroupAsync(second.Page);
        }, "the second tab working once the first is closed");
        await Expect(refused).ToBeHiddenAsync();
    }

    private static async Task<bool> WaitForNewGroupAsync(IPage page)
    {
        try
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "New group", Exact = true }).WaitForAsync(new() { Timeout = 3000 });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
