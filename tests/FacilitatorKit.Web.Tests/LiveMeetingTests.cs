using FacilitatorKit.Data;
using FacilitatorKit.Web.Tests.Pages;
using FacilitatorKit.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FacilitatorKit.Web.Tests;

/// <summary>Issue 4 §2 and §3: one meeting, three devices, one state, one clock.</summary>
public sealed class LiveMeetingTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task AChangeOnOneDevice_AppearsOnTheOthers()
    {
        var meeting = await SeedMeetingAsync(PeerSupportCircle, "Alex", "Blake", "Casey");
        var (console, follow, display) = await OpenAllThreeAsync(meeting);

        await console.StartMeetingAsync();
        await follow.ExpectCurrentItemAsync("Welcome and ground rules");
        await Expect(display.ItemTitle).ToHaveTextAsync("Welcome and ground rules");

        // The co-facilitator queues someone: the console and the display see it.
        await follow.RaiseHandAsync("Casey");
        await console.ExpectQueueAsync("Casey");
        await display.ExpectNextUpAsync("Casey");

        // The facilitator gives the turn: the tablet and the display see who speaks.
        await console.NextSpeakerAsync("Casey");
        await follow.ExpectSpeakerAsync("Casey");
        await display.ExpectSpeakerAsync("Casey");
        await follow.ExpectQueueAsync();

        // The co-facilitator ends it and moves the agenda on: the console and the display follow.
        await LetThemSpeakAsync();
        await follow.EndTurnAsync();
        await console.ExpectNobodySpeakingAsync();
        await display.ExpectNobodySpeakingAsync();
        await follow.NextItemButton.ClickAsync();
        await console.ExpectCurrentItemAsync("Check-in");
        await Expect(display.ItemTitle).ToHaveTextAsync("Check-in");
    }

    [Fact]
    public async Task TwoDevicesPressingNextSpeakerTogether_AdvanceTheQueueOnce()
    {
        var meeting = await SeedMeetingAsync(PeerSupportCircle, "Alex", "Blake", "Casey");
        var (console, follow, _) = await OpenAllThreeAsync(meeting);
        await console.StartMeetingAsync();
        await console.RaiseHandAsync("Blake");
        await console.RaiseHandAsync("Alex");
        await console.RaiseHandAsync("Casey");
        await follow.ExpectQueueAsync("Blake", "Alex", "Casey");
        await Expect(console.NextSpeakerButton).ToBeEnabledAsync();
        await Expect(follow.NextSpeakerButton).ToBeEnabledAsync();

        // Both see nobody speaking and Blake first; both press at once. Each page clicks its own button at the same
        // instant on the machine's clock, so how busy the test runner is cannot put one press after the other device
        // has already shown the change (a press after seeing Blake speak would rightly be a second "next").
        const string PressAt = """
            at => new Promise(done => setTimeout(() => {
                document.querySelector('[data-shortcut="next-speaker"]').click();
                done();
            }, Math.max(0, at - Date.now())))
            """;
        var at = await console.Page.EvaluateAsync<double>("() => Date.now() + 500");
        await Task.WhenAll(console.Page.EvaluateAsync(PressAt, at), follow.Page.EvaluateAsync(PressAt, at));

        foreach (var view in new RunningMeetingPage[] { console, follow })
        {
            await view.ExpectSpeakerAsync("Blake");
            await view.ExpectQueueAsync("Alex", "Casey");
        }

        // The press that lost the race is refused calmly ("Already changed"), on one device only.
        await ExpectEventuallyAsync(async () => await CountNoticesAsync("Already changed", console, follow) == 1,
            "exactly one device to say the speaker had already changed");
    }

    [Fact]
    public async Task AReload_RestoresTheState()
    {
        var meeting = await SeedMeetingAsync(PeerSupportCircle, "Alex", "Blake", "Casey");
        var (console, follow, display) = await OpenAllThreeAsync(meeting);
        await console.StartMeetingAsync();
        await console.NextItemButton.ClickAsync();
        await console.ExpectCurrentItemAsync("Check-in");
        await console.NextSpeakerAsync("Alex");
        await console.PauseButton.ClickAsync();
        await Expect(console.ResumeButton).ToBeVisibleAsync();
        await console.Notes.FillAsync("Leaflets from the library.");
        await ExpectNotesSavedAsync(meeting, "Leaflets from the library.");

        // After a reload, a paused countdown is drawn from the time left that the server kept: every device shows the same.
        int? pausedAt = null;
        foreach (var page in new MeetingViewPage[] { console, follow, display })
        {
            await page.Page.ReloadAsync();
            await page.WaitUntilLiveAsync();
            await page.ExpectSpeakerAsync("Alex");
            await Expect(page.CurrentSpeaker).ToContainTextAsync("Paused");
            await page.ExpectTimerShowsMinutesAndSecondsAsync();
            pausedAt ??= await page.ReadTimerSecondsAsync();
            Assert.Equal(pausedAt, await page.ReadTimerSecondsAsync());
        }

        await console.ExpectCurrentItemAsync("Check-in");
        await console.ExpectQueueAsync("Blake", "Casey");
        await Expect(console.ResumeButton).ToBeVisibleAsync();
        await Expect(console.Notes).ToHaveValueAsync("Leaflets from the library.");
        await Expect(console.Agenda.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("Done");
    }

    [Fact]
    public async Task TheCountdowns_OnAllThreeDevices_AgreeWithinOneSecond()
    {
        var meeting = await SeedMeetingAsync(PeerSupportCircle, "Alex", "Blake", "Casey");
        var (console, follow, display) = await OpenAllThreeAsync(meeting);
        await StartCheckInRoundAsync(console, "Alex");
        foreach (var page in new MeetingViewPage[] { console, follow, display })
        {
            await page.ExpectTimerShowsMinutesAndSecondsAsync();
        }

        // Read the three at (nearly) the same moment; again after the countdowns have ticked on, twice.
        for (var sample = 0; sample < 3; sample++)
        {
            var seconds = await Task.WhenAll(console.ReadTimerSecondsAsync(), follow.ReadTimerSecondsAsync(), display.ReadTimerSecondsAsync());
            Assert.True(seconds.Max() - seconds.Min() <= 1, $"The countdowns read {string.Join(", ", seconds)} seconds on the console, the tablet and the display.");
            Assert.InRange(seconds.Min(), 1, 60);
            await Expect(console.Timer).Not.ToHaveTextAsync(await console.Timer.InnerTextAsync());
        }
    }

    [Fact]
    public async Task AQuickPress_ShowsTheChange_WithoutDimmingTheControls()
    {
        var console = await OpenRunningConsoleAsync("Alex", "Blake", "Casey");
        await Expect(console.RaiseHandFor("Alex")).ToBeEnabledAsync();

        // Counts every control that turns unavailable from now on: made disabled, or added already disabled.
        await console.Page.EvaluateAsync("""
            () => {
              window.__dimmed = [];
              const note = el => window.__dimmed.push(el.getAttribute('aria-label') || el.textContent.trim());
              new MutationObserver(records => {
                for (const r of records) {
                  if (r.type === 'attributes' && r.oldValue === null && r.target.hasAttribute('disabled')) note(r.target);
                  for (const n of r.addedNodes) {
                    if (!(n instanceof Element)) continue;
                    for (const el of [n, ...n.querySelectorAll('*')]) if (el.matches('button:disabled, select:disabled')) note(el);
                  }
                }
              }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'], attributeOldValue: true });
            }
            """);
        await console.RaiseHandAsync("Alex");
        await console.NextSpeakerAsync("Alex");
        await Expect(console.EndTurnButton).ToBeEnabledAsync();

        // Only Alex's own hand is unavailable now, because she is speaking (it keeps its place): nothing dimmed for being busy.
        var dimmed = await console.Page.EvaluateAsync<string[]>("() => window.__dimmed");
        Assert.True(dimmed.SequenceEqual(["Raise hand for Alex"]), $"A quick press dimmed: {string.Join(", ", dimmed)}");
    }

    [Fact]
    public async Task ASlowSave_ShowsTheControlsUnavailable_TellsASecondPressToWait_AndShowsTheChangeOnlyOnceStored()
    {
        var console = await OpenRunningConsoleAsync("Alex", "Blake", "Casey");

        // Another writer holds the database (as a busy disk would): the app's save waits for it (busy_timeout 5 s,
        // then Microsoft.Data.Sqlite retries until its command timeout).
        var connectionString = App.Services.GetRequiredService<IConfiguration>().GetConnectionString(StoreSetup.ConnectionStringName);
        await using var other = new SqliteConnection(connectionString);
        await other.OpenAsync();
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }

        try
        {
            // Two presses in one moment, before the page can look busy: the second is told to wait, not dropped silently.
            await console.Page.EvaluateAsync("""
                () => {
                  const press = name => [...document.querySelectorAll('button')].find(b => (b.getAttribute('aria-label') ?? b.textContent.trim()) === name).click();
                  press('Raise hand for Alex');
                  press('Raise hand for Blake');
                }
                """);
            await Expect(console.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Still saving the last change" })).ToBeVisibleAsync();
            await Expect(console.NextSpeakerButton).ToBeDisabledAsync();
            await Expect(console.RaiseHandFor("Blake")).ToBeDisabledAsync();
            await Expect(console.SpeakerQueue.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(0);
        }
        finally
        {
            await using var rollback = other.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        await console.ExpectQueueAsync("Alex");
        await Expect(console.NextSpeakerButton).ToBeEnabledAsync();
        await Expect(console.RaiseHandFor("Blake")).ToBeEnabledAsync();
        await Expect(console.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Still saving" })).ToHaveCountAsync(0);
    }

    private static async Task<int> CountNoticesAsync(string text, params RunningMeetingPage[] pages)
    {
        var count = 0;
        foreach (var page in pages)
        {
            count += await page.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = text }).CountAsync();
        }

        return count;
    }
}
