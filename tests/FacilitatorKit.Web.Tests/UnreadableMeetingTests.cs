using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Data;
using FacilitatorKit.Data.Model;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Web.Tests.Pages;
using FacilitatorKit.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FacilitatorKit.Web.Tests;

/// <summary>
/// Issue 13 §6: a meeting whose log cannot be read is set aside at start, and the app starts for everything else. Its
/// console, co-facilitator view and room display then say so calmly, instead of an error, and the other meetings open
/// as usual. The test runs its own server, whose data file it damages between two runs.
/// </summary>
public sealed class UnreadableMeetingTests(WebAppFixture app) : BrowserTest(app)
{
    private const string Calm = "This meeting's record could not be read. The other meetings are fine; restore the data file from a backup (see README).";

    [Fact]
    public async Task AMeetingWhoseLogCannotBeRead_ShowsACalmSentenceOnEveryView_AndTheOtherMeetingsOpen()
    {
        await using var server = await RestartableApp.StartAsync();
        var sound = await SeedMeetingAsync(server.Groups, PeerSupportCircle, "Alex", "Blake");
        var damaged = await SeedMeetingAsync(server.Groups, PeerSupportCircle, "Casey", "Dana");
        foreach (var meeting in new[] { sound, damaged })
        {
            var session = (await server.Services.GetRequiredService<MeetingSessions>().GetAsync(new MeetingId(meeting)))!;
            Assert.True((await session.SubmitAsync(new StartMeeting(CommandId.New()), Actor.Facilitator)).IsAccepted);
        }

        // One page of the damaged meeting's log no longer reads as an event (as after a disk fault).
        var contexts = server.Services.GetRequiredService<IDbContextFactory<FacilitatorKitDb>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var last = await db.MeetingEvents.Where(e => e.MeetingId == damaged).MaxAsync(e => e.Sequence);
            db.MeetingEvents.Add(new MeetingEventRecord { MeetingId = damaged, Sequence = last + 1, CommandId = Guid.NewGuid(), Type = "ScrambledPage", Data = "{\u0000", RecordedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        await server.StopAsync();
        await server.StartAgainAsync();

        var on = new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString() };
        var laptop = (await OpenDeviceAsync("facilitator", options: on)).Page;
        var tablet = (await OpenDeviceAsync("co-facilitator", new ViewportSize { Width = 820, Height = 1180 }, on)).Page;
        var room = (await OpenDeviceAsync("display", new ViewportSize { Width = 1920, Height = 1080 }, on)).Page;
        foreach (var (page, address) in new[] { (laptop, $"/meetings/{damaged}"), (tablet, $"/meetings/{damaged}/follow"), (room, $"/meetings/{damaged}/display") })
        {
            var response = await page.GotoAsync(address);
            Assert.Equal(200, response!.Status);
            var said = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "could not be read" });
            await Expect(said).ToContainTextAsync(Calm);
            await Expect(said.GetByRole(AriaRole.Heading, new() { Name = "This meeting could not be opened" })).ToBeVisibleAsync();
            await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        }

        // The console keeps a way back to the group; the room display offers none.
        await Expect(laptop.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Back to ") })).ToBeVisibleAsync();
        await Expect(room.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);

        // The other meeting is fine, live on its console.
        var console = new ConsolePage(laptop);
        await console.GotoAsync(sound);
        await Expect(console.CurrentSpeaker).ToBeVisibleAsync();
    }
}
