using FacilitatorKit.Application.Groups;
using FacilitatorKit.Application.Notes;
using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Web.Tests.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FacilitatorKit.Web.Tests.Support;

/// <summary>
/// The base of every browser test: the shared app and browser, a fresh group per test, and the three devices of a
/// meeting (the facilitator's console, a co-facilitator's tablet, the room display), each its own browser context.
/// </summary>
[Collection(WebAppCollection.Name)]
public abstract class BrowserTest(WebAppFixture app) : IAsyncLifetime
{
    public const string PeerSupportCircle = "Peer support circle";
    public const string ShortCheckIn = "Short check-in";

    /// <summary>A full circle, for the tests of what fits on one screen.</summary>
    protected static readonly string[] EightPeople = ["Alex", "Blake", "Casey", "Dana", "Eli", "Fay", "Gus", "Hana"];

    private readonly List<Device> _devices = [];

    protected WebAppFixture App { get; } = app;

    public Task InitializeAsync()
    {
        // Blazor Server needs a moment after a click: assertions wait up to 15 s, with no sleeps.
        Assertions.SetDefaultExpectTimeout(15_000);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var device in _devices)
        {
            await device.DisposeAsync();
        }
    }

    protected async Task<Device> OpenDeviceAsync(string name, ViewportSize? viewport = null, BrowserNewContextOptions? options = null, bool signedIn = true)
    {
        var device = await App.OpenDeviceAsync(name, viewport, options, signedIn);
        _devices.Add(device);
        return device;
    }

    protected static string UniqueGroupName(string what) => $"{what} {Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>A fresh group with these members, put straight into the store (the UI path has its own test).</summary>
    protected Task<Guid> SeedGroupAsync(params string[] members) => SeedGroupAsync(App.Groups, members);

    /// <summary>The same, in the store of another app than the shared one (a test that runs its own server).</summary>
    public static async Task<Guid> SeedGroupAsync(GroupService groups, params string[] members)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var group = (await groups.CreateGroupAsync(new NewGroup(UniqueGroupName("Group")))).Value
            ?? throw new InvalidOperationException("The test group could not be created.");
        foreach (var name in members)
        {
            var added = await groups.AddMemberAsync(group.Id, name);
            if (!added.IsValid)
            {
                throw new InvalidOperationException($"The test member {name} could not be added.");
            }
        }

        return group.Id;
    }

    /// <summary>A fresh group with these members and a meeting set up (not started) with everyone present, seated in this order.</summary>
    protected Task<Guid> SeedMeetingAsync(string format, params string[] members) => SeedMeetingAsync(App.Groups, format, members);

    /// <summary>The same, in the store of another app than the shared one (a test that runs its own server).</summary>
    public static async Task<Guid> SeedMeetingAsync(GroupService groups, string format, params string[] members)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var group = await SeedGroupAsync(groups, members);
        var present = (await groups.MembersAsync(group)).Select(m => m.Id).ToList();
        var created = await groups.StartNewMeetingAsync(group, format, present, chair: null);
        return created.Value?.Meeting.Value ?? throw new InvalidOperationException("The test meeting could not be set up.");
    }

    /// <summary>
    /// The three devices of a meeting, each with its view open and live: on the shared app, or on the test's own
    /// <paramref name="server"/> (a <see cref="RestartableApp"/>).
    /// </summary>
    protected async Task<(ConsolePage Console, FollowPage Follow, DisplayPage Display)> OpenAllThreeAsync(Guid meeting, Uri? server = null)
    {
        var on = server is null ? null : new BrowserNewContextOptions { BaseURL = server.ToString() };
        var console = new ConsolePage((await OpenDeviceAsync("facilitator", options: on)).Page);
        var follow = new FollowPage((await OpenDeviceAsync("co-facilitator", new ViewportSize { Width = 820, Height = 1180 }, on)).Page);
        var display = new DisplayPage((await OpenDeviceAsync("display", new ViewportSize { Width = 1920, Height = 1080 }, on)).Page);
        await console.GotoAsync(meeting);
        await follow.GotoAsync(meeting);
        await display.GotoAsync(meeting);
        return (console, follow, display);
    }

    /// <summary>A new meeting of these people, started, on the facilitator's console alone.</summary>
    protected async Task<ConsolePage> OpenRunningConsoleAsync(params string[] members)
    {
        var meeting = await SeedMeetingAsync(PeerSupportCircle, members);
        var console = new ConsolePage((await OpenDeviceAsync("facilitator")).Page);
        await console.GotoAsync(meeting);
        await console.StartMeetingAsync();
        return console;
    }

    /// <summary>
    /// A running meeting in its go-round check-in (1 minute a turn), with the first person in the round speaking,
    /// so that a countdown is running.
    /// </summary>
    protected static async Task StartCheckInRoundAsync(ConsolePage console, string firstSpeaker)
    {
        await console.StartMeetingAsync();
        await console.NextItemButton.ClickAsync();
        await console.ExpectCurrentItemAsync("Check-in");
        await console.NextSpeakerAsync(firstSpeaker);
    }

    /// <summary>
    /// Waits until the notes of the meeting's current item hold this text in the store. (The box says "Saved" before
    /// anything is typed too, so its status alone cannot tell a test that the typing has landed.)
    /// </summary>
    protected async Task ExpectNotesSavedAsync(Guid meeting, string text)
    {
        var sessions = App.Services.GetRequiredService<MeetingSessions>();
        var notes = App.Services.GetRequiredService<NoteService>();
        var id = new MeetingId(meeting);
        await ExpectEventuallyAsync(
            async () => (await sessions.GetAsync(id))?.State.CurrentItemId is { } item && (await notes.GetAsync(FacilitatorKit.Engine.Roles.Actor.Facilitator, id, item.Value)).Text == text,
            $"the notes \"{text}\" to be saved");
    }

    /// <summary>
    /// A speaker speaks for a moment before a press ends their turn, as in a real room: the app asks before it ends a
    /// turn that began under <see cref="Engine.Limits.JustStarted"/> ago (a press a moment behind, or a double press).
    /// </summary>
    protected static Task LetThemSpeakAsync() => Task.Delay(Engine.Limits.JustStarted + TimeSpan.FromMilliseconds(100));

    /// <summary>For a condition that no single Playwright assertion can wait on (several pages, or the store).</summary>
    protected static async Task ExpectEventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited 15 s for {what}.");
            await Task.Delay(100);
        }
    }

    /// <summary>Straight through the engine: Sharing, Blake speaking with a countdown, Casey, Dana and Eli waiting.</summary>
    protected async Task SharingWithASpeakerAndThreeWaitingAsync(Guid meeting)
    {
        var session = (await App.Services.GetRequiredService<MeetingSessions>().GetAsync(new MeetingId(meeting)))!;
        async Task Do(MeetingCommand command) => Assert.True((await session.SubmitAsync(command, Engine.Roles.Actor.Facilitator)).IsAccepted, command.ToString());
        ParticipantId Id(string name) => session.State.Participants.Single(p => p.Name == name).Id;

        await Do(new StartMeeting(CommandId.New()));
        while (session.State.CurrentItem?.Title != "Sharing")
        {
            await Do(new NextItem(CommandId.New(), session.State.CurrentItemId));
        }

        foreach (var name in new[] { "Blake", "Casey", "Dana", "Eli" })
        {
            await Do(new RaiseHand(CommandId.New(), Id(name)));
        }

        await Do(new NextSpeaker(CommandId.New(), null));
    }
}
