using System.Text.Json;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Web.Tests.Support;

namespace FacilitatorKit.Web.Tests;

/// <summary>
/// Countdowns are drawn in the browser (wwwroot/js/countdown.js), which repeats the engine's wording and cue rule
/// (TurnClock): m:ss rounded up, 0:00 for the first second past the limit, then +m:ss; the warning from max(30 s, a
/// fifth of the limit). This keeps the two the same, on both sides of every boundary.
/// </summary>
public sealed class CountdownWordingTests(WebAppFixture app) : BrowserTest(app)
{
    private static readonly int[] LimitsSeconds = [60, 5 * 60, 40 * 60];

    // Milliseconds either side of the boundaries: whole seconds, the warning thresholds, zero, the end of time's up.
    private static readonly double[] RemainingMs =
    [
        2_400_000, 480_001, 480_000, 479_999, 300_000, 61_000, 60_001, 60_000, 59_999, 30_001, 30_000, 29_999,
        1_001, 1_000, 999, 1, 0, -1, -999, -1_000, -1_001, -59_999, -60_000, -61_000, -3_600_000,
    ];

    [Fact]
    public async Task TheBrowsersCountdown_ReadsAndCuesAsTheEnginesTurnClock()
    {
        var device = await OpenDeviceAsync("laptop");
        await device.Page.GotoAsync("/");
        await device.Page.WaitForFunctionAsync("() => window.facilitatorKitCountdown !== undefined");

        var cases = LimitsSeconds.SelectMany(limit => RemainingMs.Select(remaining => (LimitMs: limit * 1000.0, RemainingMs: remaining))).ToList();
        var drawn = await device.Page.EvaluateAsync<JsonElement>(
            "cases => cases.map(([limit, remaining]) => [window.facilitatorKitCountdown.text(remaining), window.facilitatorKitCountdown.state(remaining, limit)])",
            cases.Select(c => new[] { c.LimitMs, c.RemainingMs }).ToArray());

        var mismatches = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var (limitMs, remainingMs) = cases[i];
            var remaining = TimeSpan.FromMilliseconds(remainingMs);
            var clock = new TurnClock(TurnClock.StateFor(TimeSpan.FromMilliseconds(limitMs), remaining), remaining, IsPaused: false);
            var expected = (clock.Text, State(clock.State));
            var browser = (drawn[i][0].GetString(), drawn[i][1].GetString());
            if (browser != expected)
            {
                mismatches.Add($"limit {limitMs / 1000} s, {remainingMs} ms left: the engine says {expected}, the browser {browser}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    // countdown.js names the states by the CSS class it sets (is-warning, is-timesup, is-overtime).
    private static string State(TurnTimeState state) => state switch
    {
        TurnTimeState.Warning => "warning",
        TurnTimeState.TimesUp => "timesup",
        TurnTimeState.Overtime => "overtime",
        _ => "",
    };
}
