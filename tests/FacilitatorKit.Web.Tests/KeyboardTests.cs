using FacilitatorKit.Web.Tests.Pages;
using FacilitatorKit.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace FacilitatorKit.Web.Tests;

/// <summary>Issue 4 §5: the console's keyboard shortcuts.</summary>
public sealed class KeyboardTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task N_GivesTheNextSpeaker_AndSpace_PausesAndResumes()
    {
        var console = new ConsolePage((await OpenDeviceAsync("facilitator")).Page);
        await console.GotoAsync(await SeedMeetingAsync(PeerSupportCircle, "Alex", "Blake", "Casey"));
        await console.StartMeetingAsync();
        await console.NextItemButton.ClickAsync();
        await console.ExpectCurrentItemAsync("Check-in");

        await console.PressShortcutAsync("n");
        await console.ExpectSpeakerAsync("Alex");
        await console.ExpectQueueAsync("Blake", "Casey");

        await console.PressShortcutAsync("Space");
        await Expect(console.ResumeButton).ToBeVisibleAsync();
        await Expect(console.CurrentSpeaker).ToContainTextAsync("Paused");

        await console.PressShortcutAsync("Space");
        await Expect(console.PauseButton).ToBeVisibleAsync();

        await console.PressShortcutAsync("N");
        await console.ExpectSpeakerAsync("Blake");
        await console.ExpectQueueAsync("Casey");
    }
}
