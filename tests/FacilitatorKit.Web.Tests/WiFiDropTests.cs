using System.Text.RegularExpressions;
using FacilitatorKit.Web.Tests.Pages;
using FacilitatorKit.Web.Tests.Support;
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
        var console = new ConsolePage((await OpenDeviceAsync("facilitator")).Page);
        var tablet = await OpenDeviceAsync("co-facilitator", new ViewportSize { Width = 820, Height = 1180 });
        var wifi = new HallWiFi();
        await tablet.Page.RouteWebSocketAsync(new Regex("/_blazor"), wifi.Connect);
        var follow = new FollowPage(tablet.Page);
        await console.GotoAsync(meeting);
        await follow.GotoAsync(meeting);
        await console.StartMeetingAsync();
        await follow.ExpectCurrentItemAsync("Welcome and ground rules");
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
        var console = new ConsolePage((await OpenDeviceAsync("facilitator")).Page);
        var tablet = await OpenDeviceAsync("co-facilitator", new ViewportSize { Width = 820, Height = 1180 });
        var wifi = new HallWiFi();
        await tablet.Page.RouteWebSocketAsync(new Regex("/_blazor"), wifi.Connect);
        var follow = new FollowPage(tablet.Page);
        await console.GotoAsync(meeting);
        await follow.GotoAsync(meeting);
        await console.StartMeetingAsync();
        await follow.ExpectCurrentItemAsync("Welcome and ground rules");

        // While the tablet is cut off without knowing it, the laptop writes the note, and the tablet writes its own.
        wifi.GoSilent();
        await console.Notes.FillAsync("Next chair: Casey.");
        await console.Notes.BlurAsync();
        await ExpectNotesSavedAsync(meeting, "Next chair: Casey.");
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

    /// <summary>
    /// The tablet's connection to the app, through Playwright: passed on both ways, until it goes silent (both ways,
    /// and nobody is told), and then comes back (the tablet's connection closes, and the next one goes through).
    /// </summary>
    private sealed class HallWiFi
    {
        private volatile bool _silent;
        private volatile IWebSocketRoute? _tablet;
        private int _lost;

        /// <summary>Messages from the tablet that went into the silent connection.</summary>
        public int Lost => Volatile.Read(ref _lost);

        public void Connect(IWebSocketRoute tablet)
        {
            _tablet = tablet;
            var app = tablet.ConnectToServer();
            tablet.OnMessage(frame =>
            {
                if (_silent)
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
                if (!_silent)
                {
                    Pass(frame, tablet);
                }
            });
        }

        public void GoSilent() => _silent = true;

        public async Task ComeBackAsync()
        {
            var cutOff = _tablet ?? throw new InvalidOperationException("The tablet never connected.");
            _silent = false;
            await cutOff.CloseAsync();
        }

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
    }
}
