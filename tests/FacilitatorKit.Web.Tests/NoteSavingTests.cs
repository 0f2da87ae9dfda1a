using FacilitatorKit.Application.Notes;
using FacilitatorKit.Engine;
using FacilitatorKit.Testing;
using FacilitatorKit.Web.Tests.Pages;
using FacilitatorKit.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FacilitatorKit.Web.Tests;

/// <summary>
/// Issue 13, part 2, in a real browser: notes up to the limit in a multi-byte script save without the connection
/// dropping (F3), and a store that fails on purpose says so, retries, and loses nothing when the item moves on (F6).
/// </summary>
public class NoteSavingTests(WebAppFixture app) : BrowserTest(app)
{
    // Counts the page's WebSockets and every drop it notices (ConnectionStatus.razor.js), from before it loads.
    private const string WatchTheConnection = """
        window.fkDrops = 0;
        document.addEventListener("facilitatorkit:connection", e => { if (e.detail.down) window.fkDrops++; });
        """;

    [Fact]
    public async Task ANoteOf20000Characters_InAMultiByteScript_TypedOnTheTablet_IsStoredWhole_WithoutAReconnect()
    {
        var meeting = await SeedMeetingAsync(PeerSupportCircle, "Alex", "Blake", "Casey");
        var console = new ConsolePage((await OpenDeviceAsync("facilitator")).Page);
        var tablet = new FollowPage((await OpenDeviceAsync("co-facilitator", new ViewportSize { Width = 820, Height = 1180 })).Page);
        var sockets = 0;
        tablet.Page.WebSocket += (_, _) => Interlocked.Increment(ref sockets);
        await tablet.Page.AddInitScriptAsync(WatchTheConnection);
        await console.GotoAsync(meeting);
        await tablet.GotoAsync(meeting);
        await console.StartMeetingAsync();
        await Expect(tablet.Notes).ToBeEditableAsync();

        // 20,000 UTF-16 units, 3 bytes each in UTF-8 (60 KB, twice the old message limit), with an emoji: pasted, then
        // typed key by key at the end of the long text.
        const string typed = "終わり。";
        var pasted = string.Concat(Enumerable.Repeat("会議の決定事項と資料。", 2000))[..(NoteService.MaxLength - typed.Length - 2)] + "🎉";
        var note = pasted + typed;
        Assert.Equal(NoteService.MaxLength, note.Length);
        await tablet.Notes.FillAsync(pasted);
        await tablet.Notes.PressSequentiallyAsync(typed);

        var notes = App.Services.GetRequiredService<NoteService>();
        await ExpectEventuallyAsync(async () => (await notes.GetAsync(FacilitatorKit.Engine.Roles.Actor.Facilitator, new MeetingId(meeting), 1)).Text == note, "the 20,000-character note to be stored whole"); // (the text itself is too long for a message)
        await Expect(tablet.Page.Locator("#notes-status")).ToHaveTextAsync("Saved");
        await Expect(console.Notes).ToHaveValueAsync(note); // shown on the laptop too
        await Expect(tablet.Notes).ToHaveValueAsync(note);
        Assert.Equal(0, await tablet.Page.EvaluateAsync<int>("() => window.fkDrops"));
        await Expect(tablet.ReconnectDialog).ToBeHiddenAsync();
        Assert.Equal(1, Volatile.Read(ref sockets)); // one circuit, never a reconnect
    }

    [Fact]
    public async Task WithTheDiskFull_ANoteSays_NotSavedRetrying_ThenSaved_AndLandsInItsOwnItem_AfterNextItem()
    {
        await using var server = await RestartableApp.StartAsync(builder => FailingNoteStore.ReplaceIn(builder.Services));
        var store = server.Services.GetRequiredService<FailingNoteStore>();
        var notes = server.Services.GetRequiredService<NoteService>();
        var meeting = await SeedMeetingAsync(server.Groups, PeerSupportCircle, "Alex", "Blake", "Casey");
        var console = new ConsolePage((await OpenDeviceAsync("facilitator", options: new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString() })).Page);
        var status = console.Page.Locator("#notes-status");
        await console.GotoAsync(meeting);
        await console.StartMeetingAsync();

        store.Failing = true;
        await console.Notes.FillAsync("Welcome: two newcomers.");
        await Expect(status).ToHaveTextAsync("Not saved, retrying");
        store.Failing = false;
        await Expect(status).ToHaveTextAsync("Saved");
        Assert.Equal("Welcome: two newcomers.", (await notes.GetAsync(FacilitatorKit.Engine.Roles.Actor.Facilitator, new MeetingId(meeting), 1)).Text);

        store.Failing = true;
        await console.Notes.FillAsync("Welcome: two newcomers. Leaflets at the door.");
        await Expect(status).ToHaveTextAsync("Not saved, retrying");
        await console.NextItemButton.ClickAsync();
        await console.ExpectCurrentItemAsync("Check-in");
        store.Failing = false;

        await ExpectEventuallyAsync(
            async () => (await notes.GetAsync(FacilitatorKit.Engine.Roles.Actor.Facilitator, new MeetingId(meeting), 1)).Text == "Welcome: two newcomers. Leaflets at the door.",
            "the first item's note, typed while the disk was full, to be saved in that item");
        Assert.Equal("", (await notes.GetAsync(FacilitatorKit.Engine.Roles.Actor.Facilitator, new MeetingId(meeting), 2)).Text);
        await Expect(status).ToHaveTextAsync("Saved");
        await Expect(console.Notes).ToHaveValueAsync("");
    }
}
