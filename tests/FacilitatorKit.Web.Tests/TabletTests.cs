using FacilitatorKit.Web.Tests.Pages;
using FacilitatorKit.Web.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace FacilitatorKit.Web.Tests;

/// <summary>Issue 4 §1: the co-facilitator view is made for a tablet, held upright or sideways.</summary>
public sealed class TabletTests(WebAppFixture app, ITestOutputHelper output) : BrowserTest(app)
{
    // A touch tablet: a mobile viewport (so the page's meta viewport applies, as on an iPad), touch input, a dense screen.
    private static BrowserNewContextOptions Tablet => new() { IsMobile = true, HasTouch = true, DeviceScaleFactor = 2 };

    [Theory]
    [InlineData("portrait", 768, 1024)]
    [InlineData("landscape", 1024, 768)]
    public async Task TheFollowView_OnATablet_HasTouchTargetsOfAtLeast44Px_AndDoesNotScrollSideways(string orientation, int width, int height)
    {
        var meeting = await SeedMeetingAsync(PeerSupportCircle, "Alex", "Blake", "Casey", "Dana");
        var console = new ConsolePage((await OpenDeviceAsync("facilitator")).Page);
        var tablet = await OpenDeviceAsync($"co-facilitator's tablet ({orientation})", new ViewportSize { Width = width, Height = height }, Tablet);
        var follow = new FollowPage(tablet.Page);
        await console.GotoAsync(meeting);
        await follow.GotoAsync(meeting);

        // The tablet's fullest screen: a timed go-round turn (every turn control), people waiting (a remove button
        // each), someone out of the queue (a raise-hand button), the item's controls, notes, and the participants form.
        // A guest who comes late joins the round; Dana steps out of it.
        await StartCheckInRoundAsync(console, "Alex");
        await follow.AddParticipantAsync("Sam");
        await follow.ExpectQueueAsync("Blake", "Casey", "Dana", "Sam");
        await follow.TakeOutOfTheRound("Dana").ClickAsync();
        await follow.ExpectQueueAsync("Blake", "Casey", "Sam");
        await follow.ExpectSpeakerAsync("Alex");
        await follow.ExpectTimerShowsMinutesAndSecondsAsync();
        ILocator[] expected =
        [
            follow.PauseButton, follow.AddAMinuteButton, follow.EndTurnButton, follow.PassButton, follow.PassForNowButton,
            follow.NextSpeakerButton, follow.TakeOutOfTheRound("Sam"), follow.RaiseHandFor("Dana"), follow.NextItemButton, follow.TurnOrder, follow.Notes,
            follow.ParticipantNameBox, follow.AddParticipantButton,
        ];
        foreach (var control in expected)
        {
            await Expect(control).ToBeVisibleAsync();
        }

        var targets = await TouchTargets.MeasureAsync(follow.Page);
        Assert.True(targets.Count >= expected.Length, "The measurement found only: " + string.Join("; ", targets));

        var problems = targets
            .Where(t => t.Width < TouchTargets.Minimum || t.Height < TouchTargets.Minimum)
            .Select(t => $"smaller than {TouchTargets.Minimum} x {TouchTargets.Minimum} px: {t}")
            .ToList();
        if (await TouchTargets.SidewaysScrollAsync(follow.Page) is { } sideways)
        {
            problems.Add(sideways);
        }

        Assert.True(problems.Count == 0, $"On a {width} x {height} tablet ({orientation}), the co-facilitator view has:\n  " + string.Join("\n  ", problems));
    }

    /// <summary>
    /// Issue 11, item 9: the co-facilitator view fits a tablet as the console fits a laptop. During sharing, with eight
    /// people, what the co-facilitator works with is on the screen without scrolling, held upright or sideways.
    /// </summary>
    [Theory]
    [InlineData("portrait", 820, 1180)]
    [InlineData("landscape", 1180, 820)]
    public async Task During_Sharing_OnATablet_TheItemTheSpeakerTheQueueAndEveryHand_AreOnScreenWithoutScrolling(string orientation, int width, int height)
    {
        var meeting = await SeedMeetingAsync(PeerSupportCircle, EightPeople);
        await SharingWithASpeakerAndThreeWaitingAsync(meeting);
        var follow = new FollowPage((await OpenDeviceAsync($"tablet ({orientation})", new ViewportSize { Width = width, Height = height }, Tablet)).Page);

        await follow.GotoAsync(meeting);
        await follow.ExpectCurrentItemAsync("Sharing");
        await follow.ExpectQueueAsync("Casey", "Dana", "Eli");

        var screenshot = await follow.ExpectTheWorkOnScreenWithoutScrollingAsync(EightPeople, $"fk-follow-{width}x{height}");
        output.WriteLine($"screenshot: {screenshot}");
    }
}
