using FacilitatorKit.Application.Groups;
using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Application.Notes;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace FacilitatorKit.Screenshots;

/// <summary>
/// Takes the README's screenshots: <c>dotnet run --project tests/FacilitatorKit.Screenshots [-- OUTPUT_FOLDER]</c>
/// (docs/screenshots by default). Starts the app on 127.0.0.1 with a temporary database, plays a group's past meeting
/// and most of tonight's through the app's own services on a clock it moves forward, then photographs the group page,
/// the facilitator console, the co-facilitator view on a tablet in portrait, and the room display in Debian's Chromium.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var output = Path.GetFullPath(args is [var folder, ..] ? folder : Path.Combine(RepositoryRoot(), "docs", "screenshots"));
        Directory.CreateDirectory(output);
        var data = Directory.CreateTempSubdirectory("fk-screenshots-");
        var clock = new StageClock(new DateTimeOffset(2026, 11, 12, 19, 0, 0, TimeSpan.Zero));
        var app = FacilitatorKitApp.Build(
            [
                "--urls=http://127.0.0.1:0",
                "--environment=Development",
                "--applicationName=FacilitatorKit.Web", // its static web assets manifests, copied beside this program
                $"--ConnectionStrings:FacilitatorKit=Data Source={Path.Combine(data.FullName, "facilitatorkit.db")}",
            ],
            builder =>
            {
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                builder.Services.AddSingleton<TimeProvider>(clock);
            });
        try
        {
            await app.StartAsync();
            var baseUrl = app.Urls.First().TrimEnd('/');
            var (group, meeting) = await StageAsync(app.Services, clock);

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });

            // Before anything, the sign-in page (the first-run form is the same page with one more field); then every view is
            // the facilitator's, signed in.
            await ShootAsync(browser, $"{baseUrl}/sign-in", 1000, 700, AriaRole.Button, "Set up and sign in", Path.Combine(output, "first-run.png"), signedIn: false);
            _signIn = await FacilitatorKit.Measuring.FacilitatorSignIn.CookieAsync(new Uri(baseUrl + "/"));
            await ShootAsync(browser, $"{baseUrl}/groups/{group}", 1000, 900, AriaRole.Button, "New meeting", Path.Combine(output, "group.png"));
            // The console as a laptop shows it, 1366 x 768, without scrolling: what the facilitator works with is all there.
            await ShootAsync(browser, $"{baseUrl}/meetings/{meeting.Value}", 1366, 768, AriaRole.Region, "Current speaker", Path.Combine(output, "console.png"), fullPage: false);
            await ShootAsync(browser, $"{baseUrl}/meetings/{meeting.Value}/follow", 820, 1180, AriaRole.Region, "Current speaker", Path.Combine(output, "co-facilitator-tablet.png"), touch: true);
            await ShootAsync(browser, $"{baseUrl}/meetings/{meeting.Value}/display", 1280, 720, AriaRole.Region, "Current speaker", Path.Combine(output, "room-display.png"));
            await ShootInvitingAsync(browser, $"{baseUrl}/meetings/{meeting.Value}", Path.Combine(output, "invite-a-device.png"));
            await ShootPhoneAsync(app.Services, browser, baseUrl, meeting, Path.Combine(output, "member-phone.png"));
            Console.WriteLine($"Screenshots written to {output}");
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            data.Delete(recursive: true);
        }
    }

    /// <summary>
    /// A group of six with one past meeting, and tonight's Peer support circle in its Sharing item: the check-in
    /// went round, two people have shared, Cleo is speaking with about 1:50 of her 5:00 left, two hands are up, a
    /// newcomer was added on the spot, and there are notes for the check-in.
    /// </summary>
    private static async Task<(Guid Group, MeetingId Meeting)> StageAsync(IServiceProvider services, StageClock clock)
    {
        await using var facilitator = services.ScopeActingAs(Actor.Facilitator);
        var groups = facilitator.ServiceProvider.GetRequiredService<GroupService>();
        var sessions = services.GetRequiredService<MeetingSessions>();
        var notes = services.GetRequiredService<NoteService>();

        var group = (await groups.CreateGroupAsync(new NewGroup("Thursday circle"))).Value!;
        var members = new List<Guid>();
        foreach (var (name, volunteers) in new[] { ("Ana", true), ("Ben", true), ("Cleo", false), ("Dev", true), ("Eli", false), ("Fay", true) })
        {
            members.Add((await groups.AddMemberAsync(group.Id, name, volunteers)).Value!.Id);
            clock.Advance(TimeSpan.FromMinutes(1)); // the rota breaks ties by who joined first
        }

        // Last week: Ana chaired a short check-in.
        var last = await StartAsync(groups, sessions, group.Id, "Short check-in", members[..5], members[0]);
        await SubmitAsync(last, new StartMeeting(CommandId.New()) { Actor = Actor.Facilitator });
        while (last.State.CurrentItem is { } item)
        {
            clock.Advance(TimeSpan.FromMinutes(6));
            if (last.State.CurrentTurn is { } turn)
            {
                await SubmitAsync(last, new EndTurn(CommandId.New(), turn.Id) { Actor = Actor.Facilitator });
            }

            await SubmitAsync(last, new NextItem(CommandId.New(), item.Id) { Actor = Actor.Facilitator });
        }

        await SubmitAsync(last, new EndMeeting(CommandId.New()) { Actor = Actor.Facilitator });

        // Tonight, a week later: Ben is the chair of the day.
        clock.Set(new DateTimeOffset(2026, 11, 19, 19, 0, 0, TimeSpan.Zero));
        var tonight = await StartAsync(groups, sessions, group.Id, "Peer support circle", members, members[1]);
        var state = () => tonight.State;
        ParticipantId Named(string name) => state().Participants.Single(p => p.Name == name).Id;

        await SubmitAsync(tonight, new AddParticipant(CommandId.New(), new Participant(ParticipantId.New(), "Jo", ParticipantKind.Newcomer)) { Actor = Actor.Facilitator });
        await SubmitAsync(tonight, new StartMeeting(CommandId.New()) { Actor = Actor.Facilitator });
        clock.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(20));
        await SubmitAsync(tonight, new NextItem(CommandId.New(), state().CurrentItemId) { Actor = Actor.Facilitator });

        // The check-in goes round, in seating order from the chair.
        int[] seconds = [55, 62, 48, 71, 40, 58, 35];
        for (var i = 0; state().Round is { } round && round.Waiting(state().CurrentTurn?.Participant).Any(); i++)
        {
            await SubmitAsync(tonight, new NextSpeaker(CommandId.New(), state().CurrentTurn?.Id) { Actor = Actor.Facilitator });
            clock.Advance(TimeSpan.FromSeconds(seconds[i % seconds.Length]));
        }

        await SubmitAsync(tonight, new EndTurn(CommandId.New(), state().CurrentTurn!.Id) { Actor = Actor.Facilitator });
        clock.Advance(TimeSpan.FromSeconds(30));
        await SubmitAsync(tonight, new NextItem(CommandId.New(), state().CurrentItemId) { Actor = Actor.Facilitator });

        // Group business only, never what someone shared.
        var saved = await notes.SaveAsync(Actor.Facilitator, tonight.Id, state().CurrentItemId!.Value.Value, "Dev brings the reading list next Thursday.\nRoom booked until 21:00.", 0);
        if (saved.Status != NoteSaveStatus.Saved)
        {
            throw new InvalidOperationException($"The notes were not saved: {saved.Status}.");
        }

        // Sharing, in balanced order: Dev and Ana share, then Cleo, Eli and Jo raise their hands.
        foreach (var (name, minutes) in new[] { ("Dev", 5.4), ("Ana", 3.8) })
        {
            await SubmitAsync(tonight, new RaiseHand(CommandId.New(), Named(name)) { Actor = Actor.Facilitator });
            await SubmitAsync(tonight, new NextSpeaker(CommandId.New(), null) { Actor = Actor.Facilitator });
            clock.Advance(TimeSpan.FromMinutes(minutes));
            await SubmitAsync(tonight, new EndTurn(CommandId.New(), state().CurrentTurn!.Id) { Actor = Actor.Facilitator });
            clock.Advance(TimeSpan.FromSeconds(20));
        }

        await SubmitAsync(tonight, new RaiseHand(CommandId.New(), Named("Cleo")) { Actor = Actor.Facilitator });
        await SubmitAsync(tonight, new NextSpeaker(CommandId.New(), null) { Actor = Actor.Facilitator });
        clock.Advance(TimeSpan.FromSeconds(40));
        await SubmitAsync(tonight, new RaiseHand(CommandId.New(), Named("Eli")) { Actor = Actor.Facilitator });
        await SubmitAsync(tonight, new RaiseHand(CommandId.New(), Named("Jo")) { Actor = Actor.Facilitator });
        clock.Advance(TimeSpan.FromMinutes(2.5));
        clock.Run(); // from here the clock runs, so the countdowns move while the pages are photographed
        return (group.Id, tonight.Id);
    }

    private static async Task<MeetingSession> StartAsync(GroupService groups, MeetingSessions sessions, Guid group, string format, IReadOnlyCollection<Guid> present, Guid chair)
    {
        var created = await groups.StartNewMeetingAsync(group, format, present, chair);
        var meeting = created.Value?.Meeting ?? throw new InvalidOperationException($"Could not set up the meeting: {(created.Errors.Count > 0 ? created.Errors[0].Code : "")}");
        return await sessions.GetAsync(meeting) ?? throw new InvalidOperationException("The meeting's session is missing.");
    }

    private static async Task SubmitAsync(MeetingSession session, MeetingCommand command)
    {
        var outcome = await session.SubmitAsync(command, command.Actor);
        if (!outcome.IsAccepted)
        {
            throw new InvalidOperationException($"{command.GetType().Name} was refused: {outcome.Problem?.Code}");
        }
    }

    private static string? _signIn;

    private static async Task<IBrowserContext> ContextAsync(IBrowser browser, string url, BrowserNewContextOptions options, bool signedIn)
    {
        var context = await browser.NewContextAsync(options);
        if (signedIn && _signIn is { } cookie)
        {
            var at = cookie.IndexOf('=', StringComparison.Ordinal);
            await context.AddCookiesAsync([new Cookie { Name = cookie[..at], Value = cookie[(at + 1)..], Domain = new Uri(url).Host, Path = "/" }]);
        }

        return context;
    }

    /// <summary>The console's devices panel with a co-facilitator's invite just made: its QR code, its link.</summary>
    private static async Task ShootInvitingAsync(IBrowser browser, string console, string file)
    {
        await using var context = await ContextAsync(browser, console, new() { ViewportSize = new() { Width = 1366, Height = 1800 } }, signedIn: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync(console);
        await page.GetByRole(AriaRole.Button, new() { Name = "Devices and invites", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite a device", Exact = true }).ClickAsync();
        var panel = page.Locator("section.devices");
        await panel.GetByRole(AriaRole.Img).WaitForAsync();
        await panel.ScrollIntoViewIfNeededAsync();
        await panel.ScreenshotAsync(new() { Path = file });
        Console.WriteLine($"  {Path.GetFileName(file)} (the console's devices panel)");
    }

    /// <summary>A member's own phone, 360 x 740: joined by the member link, chose their name, hand up.</summary>
    private static async Task ShootPhoneAsync(IServiceProvider services, IBrowser browser, string baseUrl, MeetingId meeting, string file)
    {
        var invite = await services.GetRequiredService<FacilitatorKit.Web.Access.Invites>().CreateAsync(meeting, Role.Member);
        await using var context = await ContextAsync(browser, baseUrl, new()
        {
            ViewportSize = new() { Width = 360, Height = 740 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2,
            UserAgent = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
        }, signedIn: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{baseUrl}/join/{invite.Token}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Join the meeting", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^I am ") }).Last.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Hello, ") }).WaitForAsync();
        var raise = page.GetByRole(AriaRole.Button, new() { Name = "Raise my hand", Exact = true });
        if (await raise.CountAsync() > 0)
        {
            await raise.ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Lower my hand", Exact = true }).WaitForAsync();
        }
        await page.ScreenshotAsync(new() { Path = file });
        Console.WriteLine($"  {Path.GetFileName(file)} (360 x 740, a member's phone)");
    }

    private static async Task ShootAsync(IBrowser browser, string url, int width, int height, AriaRole role, string name, string file, bool touch = false, bool fullPage = true, bool signedIn = true)
    {
        await using var context = await ContextAsync(browser, url, new() { ViewportSize = new() { Width = width, Height = height }, HasTouch = touch }, signedIn);
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        await page.GetByRole(role, new() { Name = name }).First.WaitForAsync(new() { Timeout = 30_000 });
        await page.WaitForTimeoutAsync(1500); // the countdowns' clock sync (five quick /time calls) and a first tick
        await page.ScreenshotAsync(new() { Path = file, FullPage = fullPage });
        Console.WriteLine($"  {Path.GetFileName(file)} ({width} x {height} viewport) from {new Uri(url).AbsolutePath}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FacilitatorKit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run this from inside the repository, or give the output folder.");
    }
}

/// <summary>
/// The server's clock while the scene is played: it stands still and moves only when told, then runs on from where
/// it was left. The browsers read it through <c>/time</c>, so their countdowns agree with it.
/// </summary>
internal sealed class StageClock(DateTimeOffset start) : TimeProvider
{
    private readonly object _gate = new();
    private DateTimeOffset _now = start;
    private TimeSpan? _runningShift;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _runningShift is { } shift ? System.GetUtcNow() + shift : _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }

    public void Set(DateTimeOffset now)
    {
        lock (_gate)
        {
            _now = now;
        }
    }

    public void Run()
    {
        lock (_gate)
        {
            _runningShift = _now - System.GetUtcNow();
        }
    }
}
