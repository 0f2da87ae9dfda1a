using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using FacilitatorKit.Web.Tests.Pages;
using FacilitatorKit.Web.Tests.Support;

namespace FacilitatorKit.Web.Tests;

/// <summary>Issue 4 §7: axe-core finds no serious or critical violation on the three views of a running meeting.</summary>
public sealed class AccessibilityTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task TheConsole_TheFollowView_AndTheDisplay_HaveNoSeriousOrCriticalViolations()
    {
        var meeting = await SeedMeetingAsync(PeerSupportCircle, "Alex", "Blake", "Casey");
        var (console, follow, display) = await OpenAllThreeAsync(meeting);
        await StartCheckInRoundAsync(console, "Alex");
        await follow.ExpectSpeakerAsync("Alex");
        await display.ExpectSpeakerAsync("Alex");

        var report = new List<string>();
        foreach (var (name, page) in new (string, MeetingViewPage)[] { ("console", console), ("follow view", follow), ("display", display) })
        {
            var result = await page.Page.RunAxe();
            report.AddRange(result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{name}: {v.Impact} {v.Id}: {v.Help} ({string.Join("; ", v.Nodes.Select(n => string.Join(" ", n.Target)))})"));
        }

        Assert.True(report.Count == 0, "axe-core found:\n" + string.Join("\n", report));
    }
}
