using System.Text.RegularExpressions;
using FacilitatorKit.Application.Notes;
using FacilitatorKit.Engine;
using FacilitatorKit.Web.Tests.Pages;
using FacilitatorKit.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FacilitatorKit.Web.Tests;

/// <summary>
/// A co-facilitator's tablet on a church hall's Wi-Fi. When the Wi-Fi goes, it often goes silently: the tablet keeps
/// sending into a connection that no longer arrives anywhere, until it notices and rejoins. Nothing typed in those
/// seconds may be lost, and nobody else's words may be undone by it.
/// </summary>
public sealed class WiFiDropTests(WebAppFixture app) : BrowserTest(app)
{
    private const string Decided = "Decided: a tea rota. Blake brings milk next week.";

    [Fact]
    public async Task NotesTypedJustBeforeASilentDrop_AreSaved_OnceTheTabletIsBack()
    {
        var meeting = await SeedMeetingAsync(PeerSupportCircle, "Alex", "Blake", "Casey");
        var (console, follow, wifi) = await OpenLaptopAndTabletAsync(meeting);
        await follow.Page.EvaluateAsync("() => { window.loadedBeforeTheDrop = true; }");

        // The Wi-Fi goes without a word; the tablet has not noticed, and the notes are typed as usual.
        wifi.GoSilent();
        await follow.Notes.FillAsync(Decided);
        await ExpectEventuallyAsync(() => Task.FromResult(wifi.Lost > 0), "the typing to go into the silent connection");

        // The tablet notices (its connection closes) and rejoins the same meeting by itself, without a reload.
        await wifi.ComeBackAsync();

        await ExpectNotesSavedAsync(meeting, Decided);
        await Expect(console.Notes).ToHaveValueAsync(Decided);
        await Expect(follow.Notes).ToHaveValueAsync(Decided);
        await Expect(follow.Notes).ToHaveAccessibleDescriptionAsync(new Regex("Saved$"));
        Assert.True(
            await follow.Page.EvaluateAsync<bool>("() => window.loadedBeforeTheDrop === true"),
            "The tablet rejoined its circuit; a reload would have shown the stored note, not what was typed.");
    }

    [Fact]
    public async Task NotesTypedDuringASilentDrop_OverWordsTheLaptopSavedMeanwhile_ShowBoth_AndUndoNothing()
    {
        var meeting = await SeedMeetingAsync(PeerSupportCircle, "Alex", "Blake", "Casey");
        var (console, follow, wifi) = await OpenLaptopAndTabletAsync(meeting);

        // While the tablet is cut off without knowing it, the laptop writes the note, and the tablet writes its own.
        wifi.GoSilent();
        await LaptopWritesAsync(console, meeting, "Next chair: Casey.");
        await follow.Notes.FillAsync(Decided);
        await ExpectEventuallyAsync(() => Task.FromResult(wifi.Lost > 0), "the typing to go into the silent connection");

        await wifi.ComeBackAsync();

        // Neither is lost: the tablet shows both, and the laptop's words stay stored until the writer chooses.
        var conflict = follow.Page.GetByText("Saved from the other device:");
        await Expect(conflict).ToBeVisibleAsync();
        await Expect(follow.Page.Locator(".conflict pre").First).ToHaveTextAsync("Next chair: Casey.");
        await Expect(follow.Page.Locator(".conflict pre").Last).ToHaveTextAsync(Decided);
        await Expect(follow.Notes).ToHaveAccessibleDescriptionAsync(new Regex("Not saved: changed on another device$"));
        await ExpectNotesSavedAsync(meeting, "Next chair: Casey.");

        await follow.Page.GetByRole(AriaRole.Button, new() { Name = "Keep both", Exact = true }).ClickAsync();
        await ExpectNotesSavedAsync(meeting, "Next chair: Casey." + Environment.NewLine + Decided);
        await Expect(console.Notes).ToHaveValueAsync("Next chair: Casey." + Environment.NewLine + Decided);
    }

    [Fact]
    public async Task ABoxNobodyTypedIn_ThroughASilentDrop_ShowsTheLaptopsNotes_WithoutAConflict()
    {
        var meeting = await SeedMeetingAsync(PeerSupportCircle, "Alex", "Blake", "Casey");
        var (console, follow, wifi) = await OpenLaptopAndTabletAsync(meeting);

        wifi.GoSilent();
        await LaptopWritesAsync(console, meeting, "Next chair: Casey.");
        await wifi.ComeBackAsync();

        await Expect(follow.Notes).ToHaveValueAsync("Next chair: Casey.");
        await Expect(follow.Notes).ToHaveAccessibleDescriptionAsync(new Regex("Saved$"));
        await Expect(follow.Page.GetByText("Saved from the other device:")).ToHaveCountAsync(0);
        await ExpectNotesSavedAsync(meeting, "Next chair: Casey.");
    }

    [Fact]
    public async Task NotesTypedJustBeforeASilentDrop_WhileTheAgendaMovesOn_AreSavedInTheirOwnItemsNote()
    {
        var meeting = await SeedMeetingAsync(PeerSupportCircle, "Alex", "Blake", "Casey");
        var (console, follow, wifi) = await OpenLaptopAndTabletAsync(meeting);

        wifi.GoSilent();
        await follow.Notes.FillAsync(Decided);
        await ExpectEventuallyAsync(() => Task.FromResult(wifi.Lost > 0), "the typing to go into the silent connection");
        await console.NextItemButton.ClickAsync();
        await console.ExpectCurrentItemAsync("Check-in");
        await wifi.ComeBackAsync();

        // The welcome's note has the words typed for it; the check-in's note is not touched by them.
        await follow.ExpectCurrentItemAsync("Check-in");
        var notes = App.Services.GetRequiredService<NoteService>();
        await ExpectEventuallyAsync(async () => (await notes.GetAsync(FacilitatorKit.Engine.Roles.Actor.Facilitator, new MeetingId(meeting), 1)).Text == Decided, "the welcome's note to be saved");
        await Expect(console.Page.GetByRole(AriaRole.Region, new() { Name = "Notes from other items", Exact = true })).ToContainTextAsync(Decided);
        await Expect(follow.Notes).ToHaveValueAsync("");
        Assert.Equal("", (await notes.GetAsync(FacilitatorKit.Engine.Roles.Actor.Facilitator, new MeetingId(meeting), 2)).Text);
    }

    [Fact]
    public async Task NotesTypedJustBeforeADrop_ThatOutlastsTheApp_AreSavedAfterThePageReloads()
    {
        await using var server = await RestartableApp.StartAsync();
        var meeting = await SeedMeetingAsync(server.Groups, PeerSupportCircle, "Alex", "Blake", "Casey");
        var (_, follow, wifi) = await OpenLaptopAndTabletAsync(meeting, new() { BaseURL = server.BaseAddress.ToString() });
        await follow.Page.EvaluateAsync("() => { window.loadedBeforeTheDrop = true; }");
        var notes = server.Services.GetRequiredService<NoteService>();
        await follow.Notes.FillAsync("Decided: a tea rota.");
        await follow.Notes.BlurAsync();
        await ExpectEventuallyAsync(async () => (await notes.GetAsync(FacilitatorKit.Engine.Roles.Actor.Facilitator, new MeetingId(meeting), 1)).Text == "Decided: a tea rota.", "the first words to be saved");

        // More is typed into a silent connection; then the app restarts (an update, a crash) before the tablet
        // notices, so its circuit is gone: when it does notice, the app refuses it, and the page reloads. The words
        // saved before are this tablet's own, so what it sends again is no conflict with them.
        wifi.GoSilent();
        await follow.Notes.FillAsync(Decided);
        await ExpectEventuallyAsync(() => Task.FromResult(wifi.Lost > 0), "the typing to go into the silent connection");
        await server.StopAsync();
        await server.StartAgainAsync();
        await wifi.ComeBackAsync();

        await follow.Page.WaitForFunctionAsync("() => window.loadedBeforeTheDrop !== true", null, new() { Timeout = 30_000 });
        await follow.WaitUntilLiveAsync();
        await Expect(follow.Notes).ToHaveValueAsync(Decided);
        await Expect(follow.Notes).ToHaveAccessibleDescriptionAsync(new Regex("Saved$"));
        notes = server.Services.GetRequiredService<NoteService>(); // the restarted app's
        await ExpectEventuallyAsync(async () => (await notes.GetAsync(FacilitatorKit.Engine.Roles.Actor.Facilitator, new MeetingId(meeting), 1)).Text == Decided, "the notes to be saved after the reload");
        await Expect(follow.Page.GetByText("Saved from the other device:")).ToHaveCountAsync(0);
        Assert.True(await follow.Page.EvaluateAsync<bool>("() => sessionStorage.getItem('facilitatorkit:notes-to-send-again') === null"), "The notes were left in the tab's storage.");
    }

    private async Task LaptopWritesAsync(ConsolePage console, Guid meeting, string notes)
    {
        await console.Notes.FillAsync(notes);
        await console.Notes.BlurAsync();
        await ExpectNotesSavedAsync(meeting, notes);
    }

    /// <summary>The facilitator's laptop and a co-facilitator's tablet on the hall's Wi-Fi, the meeting started. (On the shared app unless the options name another.)</summary>
    private async Task<(ConsolePage Console, FollowPage Follow, HallWiFi WiFi)> OpenLaptopAndTabletAsync(Guid meeting, BrowserNewContextOptions? server = null)
    {
        var console = new ConsolePage((await OpenDeviceAsync("facilitator", options: server)).Page);
        var tablet = await OpenDeviceAsync("co-facilitator", new ViewportSize { Width = 820, Height = 1180 }, server);
        var wifi = new HallWiFi();
        await tablet.Page.RouteWebSocketAsync(new Regex("/_blazor"), wifi.Connect);
        var follow = new FollowPage(tablet.Page);
        await console.GotoAsync(meeting);
        await follow.GotoAsync(meeting);
        await console.StartMeetingAsync();
        await follow.ExpectCurrentItemAsync("Welcome and ground rules");
        return (console, follow, wifi);
    }

    /// <summary>
    /// The tablet's connection to the app, through Playwright: passed on both ways, until it goes silent (both ways,
    /// and nobody is told), and then comes back (that connection closes; the tablet's next one goes through).
    /// </summary>
    private sealed class HallWiFi
    {
        private volatile Link? _current;
        private int _lost;

        /// <summary>Messages from the tablet that went into a silent connection.</summary>
        public int Lost => Volatile.Read(ref _lost);

        public void Connect(IWebSocketRoute tablet)
        {
            var link = new Link(tablet);
            _current = link;
            var app = tablet.ConnectToServer();
            tablet.OnMessage(frame =>
            {
                if (link.Silent)
                {
                    Interlocked.Increment(ref _lost);
                }
                else
                {
                    Pass(frame, app);
                }
            });
            app.OnMessage(frame =>
            {
                if (!link.Silent)
                {
                    Pass(frame, tablet);
                }
            });
        }

        public void GoSilent() => (_current ?? throw new InvalidOperationException("The tablet never connected.")).Silent = true;

        /// <summary>The tablet notices: its silent connection closes (and stays silent to the end), so it connects again.</summary>
        public async Task ComeBackAsync() =>
            await (_current ?? throw new InvalidOperationException("The tablet never connected.")).Tablet.CloseAsync();

        private static void Pass(IWebSocketFrame frame, IWebSocketRoute to)
        {
            if (frame.Binary is { } bytes)
            {
                to.Send(bytes);
            }
            else if (frame.Text is { } text)
            {
                to.Send(text);
            }
        }

        private sealed class Link(IWebSocketRoute tablet)
        {
            public IWebSocketRoute Tablet { get; } = tablet;
            public volatile bool Silent;
        }
    }
}
