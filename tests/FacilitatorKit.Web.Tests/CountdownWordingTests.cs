using System.Text.Json;
using FacilitatorKit.Web.Components.Shared;
using FacilitatorKit.Web.Tests.Pages;
using FacilitatorKit.Web.Tests.Support;
using FacilitatorKit.Web.ViewModels;
using Microsoft.Extensions.DependencyInjection;

namespace FacilitatorKit.Web.Tests;

/// <summary>
/// Countdowns are drawn in the browser (wwwroot/js/countdown.js) from what the server puts on the element: the deadline,
/// the words and the thresholds. This keeps the two drawings the same, in every state (warning, time's up, overtime,
/// paused) and on both sides of every boundary: the browser reads a countdown element the server rendered, moved to
/// each case, and the server reads the same case (CountdownReading, the engine's TurnClock and the app's words).
/// </summary>
public sealed class CountdownWordingTests(WebAppFixture app) : BrowserTest(app)
{
    private const long ServerNowMs = 1_800_000_000_000;

    private static readonly int[] LimitsSeconds = [60, 5 * 60, 40 * 60];

    // Milliseconds either side of the boundaries: whole seconds, the warning thresholds, zero, the end of time's up.
    private static readonly double[] RemainingMs =
    [
        2_400_000, 480_001, 480_000, 479_999, 300_000, 61_000, 60_001, 60_000, 59_999, 30_001, 30_000, 29_999,
        1_001, 1_000, 999, 1, 0, -1, -999, -1_000, -1_001, -59_999, -60_000, -61_000, -3_600_000,
    ];

    [Fact]
    public async Task TheBrowsersCountdown_ReadsAndWordsEveryStateAsTheServerDoes()
    {
        var console = new ConsolePage((await OpenDeviceAsync("facilitator")).Page);
        await console.GotoAsync(await SeedMeetingAsync(PeerSupportCircle, "Ana", "Ben", "Cai"));
        await StartCheckInRoundAsync(console, "Ana");
        await console.ExpectTimerShowsMinutesAndSecondsAsync();

        var cases = LimitsSeconds
            .SelectMany(limit => RemainingMs.SelectMany(remaining => new[] { (Limit: limit * 1000.0, Remaining: remaining, Paused: false), (Limit: limit * 1000.0, Remaining: remaining, Paused: true) }))
            .Where(c => !c.Paused || c.Remaining >= 0) // a paused turn holds the time it had left
            .ToList();
        var drawn = await console.Page.EvaluateAsync<JsonElement>(
            """
            async ([now, cases]) => {
                const module = await import("./js/countdown.js");
                const rendered = document.querySelector("[data-countdown]");
                return cases.map(([limit, remaining, paused]) => {
                    const el = rendered.cloneNode(true);
                    el.dataset.limitMs = String(limit);
                    el.dataset.deadline = paused ? "" : String(now + remaining);
                    el.dataset.pausedMs = paused ? String(remaining) : "";
                    const reading = module.readingOf(el, now);
                    return [reading.text, reading.words];
                });
            }
            """,
            new object[] { ServerNowMs, cases.Select(c => new object[] { c.Limit, c.Remaining, c.Paused }).ToArray() });

        var words = App.Services.GetRequiredService<Words>();
        var now = DateTimeOffset.FromUnixTimeMilliseconds(ServerNowMs);
        var mismatches = new List<string>();
        var states = new HashSet<CountdownState>();
        for (var i = 0; i < cases.Count; i++)
        {
            var (limitMs, remainingMs, paused) = cases[i];
            var remaining = TimeSpan.FromMilliseconds(remainingMs);
            var countdown = new Countdown(paused ? null : now + remaining, paused ? remaining : null, TimeSpan.FromMilliseconds(limitMs));
            var server = CountdownReading.Of(countdown, now, words);
            states.Add(server.State);
            var browser = (drawn[i][0].GetString(), drawn[i][1].GetString());
            if (browser != (server.Text, server.Words))
            {
                mismatches.Add($"limit {limitMs / 1000} s, {remainingMs} ms left{(paused ? ", paused" : "")}: the server says {(server.Text, server.Words)}, the browser {browser}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
        Assert.Equal(Enum.GetValues<CountdownState>().Order(), states.Order()); // every state was compared
    }
}
