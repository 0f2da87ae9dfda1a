using Bunit;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Web.Components.Pages;
using FacilitatorKit.Web.Components.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FacilitatorKit.Web.Components.Tests.Pages;

/// <summary>The facilitator console, "/meetings/{id}": the whole meeting, and everything the facilitator may do.</summary>
public class MeetingConsoleTests : ComponentTest
{
    private const string EndQuestion = "End the meeting for everyone?";

    /// <summary>Ben speaking in the open discussion (3 minutes each), Cai waiting.</summary>
    private async Task<TestMeeting> BenSpeaksAsync()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben", "Cai"]);
        await meeting.StartAsync();
        await meeting.GoToAsync("Open discussion");
        await meeting.RaiseAsync("Ben");
        await meeting.NextSpeakerAsync();
        return await meeting.RaiseAsync("Cai");
    }

    [Fact]
    public async Task Console_RendersTheContractsRolesAndNames()
    {
        var meeting = await BenSpeaksAsync();

        var cut = RenderPage<MeetingConsole>(meeting.Id.Value);

        Assert.Equal(4, cut.ByRole("list", "Agenda").AllByRole("listitem").Count);
        var item = cut.ByRole("region", "Current item");
        item.ByRole("combobox", "Turn order");
        item.ByRole("button", "Next item");
        cut.ByRole("button", "Raise hand for Ana");
        cut.ByRole("list", "Speaker queue").ByRole("button", "Lower hand for Cai");
        cut.ByRole("button", "Next speaker");
        var speaker = cut.ByRole("region", "Current speaker");
        Assert.Equal("3:00", Accessible.TextOf(Assert.Single(cut.AllByRole("timer"))));
        Assert.Same(speaker, Assert.Single(cut.AllByRole("timer")).Closest("[role=region]"));
        foreach (var control in new[] { "Pause", "Add a minute", "End turn", "Pass" })
        {
            speaker.ByRole("button", control);
        }

        cut.ByRole("region", "Airtime");
        cut.ByRole("textbox", "Notes");
        Assert.Equal($"/meetings/{meeting.Id.Value}/follow", cut.ByRole("link", "Co-facilitator view").GetAttribute("href"));
        Assert.Equal($"/meetings/{meeting.Id.Value}/display", cut.ByRole("link", "Room display").GetAttribute("href"));
        cut.ByRole("button", "End meeting");
        cut.ByRole("button", "Hand over the chair");
        cut.ByRole("textbox", "Participant name");
        cut.ByRole("button", "Add participant");
    }

    [Fact]
    public async Task Console_ActsAsTheFacilitator()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);

        RenderPage<MeetingConsole>(meeting.Id.Value);

        Assert.Equal(Actor.Facilitator, Device.Actor);
    }

    [Fact]
    public async Task BeforeTheStart_StartMeetingStartsIt()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        var cut = RenderPage<MeetingConsole>(meeting.Id.Value);
        Assert.False(cut.HasRole("button", "End meeting"));

        await cut.ByRole("button", "Start meeting").ClickAsync(new());

        Assert.Equal(MeetingPhase.Running, meeting.State.Phase);
        cut.WaitForAssertion(() => Assert.Equal("Welcome", Accessible.TextOf(cut.ByRole("region", "Current item").AllByRole("heading")[0])));
        Assert.False(cut.HasRole("button", "Start meeting"));
    }

    [Fact]
    public async Task RaiseHandForBen_QueuesBen_AndTheConsoleShowsIt()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();
        var cut = RenderPage<MeetingConsole>(meeting.Id.Value);

        await cut.ByRole("button", "Raise hand for Ben").PressAsync();

        Assert.True(meeting.State.IsQueued(meeting["Ben"]));
        cut.WaitForAssertion(() => cut.ByRole("list", "Speaker queue").ByRole("button", "Lower hand for Ben"));
        Assert.Equal("true", cut.ByRole("button", "Raise hand for Ben").GetAttribute("aria-pressed")); // in its place, pressed
    }

    [Fact]
    public async Task AChangeMadeOnAnotherDevice_ShowsLive()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();
        var cut = RenderPage<MeetingConsole>(meeting.Id.Value);

        await meeting.DoAsync(new RaiseHand(CommandId.New(), meeting["Ben"]), Actor.CoFacilitator);
        await meeting.DoAsync(new NextSpeaker(CommandId.New(), null), Actor.CoFacilitator);

        cut.WaitForAssertion(() => Assert.Contains("Ben", cut.ByRole("region", "Current speaker").QuerySelector(".speaker-name")!.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARefusal_IsShown_AsAnAlertInTheStatusRegion_AndTheSameRefusalTwiceIsShownTwice()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();
        var toasts = Context.Render<MudSnackbarProvider>();
        var cut = RenderPage<MeetingConsole>(meeting.Id.Value);
        var shown = Services.GetRequiredService<ISnackbar>();

        await cut.ByRole("button", "Next speaker").PressAsync();

        toasts.WaitForAssertion(() => Assert.Equal("Nobody is waiting to speak.", AlertIn(toasts)));
        var first = Assert.Single(shown.ShownSnackbars);

        await cut.ByRole("button", "Next speaker").PressAsync();

        var second = Assert.Single(shown.ShownSnackbars);
        Assert.NotSame(first, second); // a new alert, so it is said again
        toasts.WaitForAssertion(() => Assert.Equal("Nobody is waiting to speak.", AlertIn(toasts)));
        Assert.Null(meeting.State.CurrentTurn);
    }

    [Fact]
    public async Task ASecondNextSpeaker_ASecondAfterTheFirst_AsksInsteadOfSkippingAna_AndCanEndHerTurnAnyway()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben", "Cai"]);
        await meeting.StartAsync();
        await meeting.GoToAsync("Open discussion");
        await meeting.RaiseAsync("Ana");
        await meeting.RaiseAsync("Ben");
        var toasts = Context.Render<MudSnackbarProvider>();
        var cut = RenderPage<MeetingConsole>(meeting.Id.Value);
        await cut.ByRole("button", "Next speaker").PressAsync();
        Clock.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() => Assert.Equal("Ana", cut.Find(".speaker-name").TextContent.Trim()));
        await cut.ByRole("button", "Next speaker").PressAsync(); // the screen shows Ana by now: a double press

        Assert.Equal("Ana", meeting.State.NameOf(meeting.State.CurrentTurn!.Participant));
        Assert.Empty(meeting.State.Ledger);
        toasts.WaitForAssertion(() => Assert.Equal("Ana has just started speaking, so this press did not end their turn.", AlertIn(toasts)));

        await toasts.ByRole("button", "End Ana's turn anyway").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("Ben", cut.Find(".speaker-name").TextContent.Trim()));
        Assert.Equal(meeting["Ben"], meeting.State.CurrentTurn?.Participant);
    }

    [Fact]
    public async Task TheNextPressThatWorks_TakesTheRefusalBack()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();
        var toasts = Context.Render<MudSnackbarProvider>();
        var cut = RenderPage<MeetingConsole>(meeting.Id.Value);
        await cut.ByRole("button", "Next speaker").PressAsync();
        toasts.WaitForAssertion(() => Assert.Single(toasts.AllByRole("alert")));

        await cut.ByRole("button", "Raise hand for Ben").PressAsync();

        toasts.WaitForAssertion(() => Assert.Empty(toasts.AllByRole("alert")));
    }

    [Fact]
    public async Task ASlowSave_MakesTheButtonsUnavailable_AndAPressMeanwhileIsToldToPressAgain()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();
        var toasts = Context.Render<MudSnackbarProvider>();
        var cut = RenderPage<MeetingConsole>(meeting.Id.Value);
        using var disk = Database.Open();
        Execute(disk, "BEGIN IMMEDIATE"); // a busy disk: the save waits for the write lock

        var slow = cut.ByRole("button", "Raise hand for Ben").PressAsync();
        await cut.ByRole("button", "Raise hand for Ana").PressAsync();

        toasts.WaitForAssertion(() => Assert.Equal("Still saving the last change. Please press again in a moment.", AlertIn(toasts)));
        Clock.Advance(BusyCue.Default.After);
        // Every meeting control; the keyboard shortcuts' help and the Edit agenda and Devices toggles, which change
        // nothing in the meeting, stay available.
        var meetingControls = () => cut.AllByRole("button").Where(b => !b.HasAttribute("data-shortcuts-open") && b.Closest("dialog") is null
            && Accessible.NameOf(b) is not ("Edit agenda" or "Devices and invites"));
        cut.WaitForAssertion(() => Assert.All(meetingControls(), b => Assert.True(b.HasAttribute("disabled"), Accessible.NameOf(b))));

        Execute(disk, "ROLLBACK");
        await slow;

        cut.WaitForAssertion(() => Assert.False(cut.ByRole("button", "Next speaker").HasAttribute("disabled")));
        Assert.True(meeting.State.IsQueued(meeting["Ben"]));
        Assert.False(meeting.State.IsQueued(meeting["Ana"])); // told, not applied
    }

    [Fact]
    public async Task EndMeeting_AsksOnce_AndNotYetLeavesTheMeetingRunning()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();
        var dialogs = Context.Render<MudDialogProvider>(p => p.Add(d => d.CloseOnEscapeKey, true).Add(d => d.BackdropClick, false));
        var cut = RenderPage<MeetingConsole>(meeting.Id.Value);

        var press = cut.ByRole("button", "End meeting").ClickAsync(new()); // answered below: not awaited before then
        dialogs.WaitForAssertion(() => dialogs.ByRole("dialog", EndQuestion));
        Assert.Equal(["Not yet", "Yes, end the meeting"], dialogs.ByRole("dialog", EndQuestion).AllByRole("button").Select(Accessible.NameOf));
        Assert.Equal(MeetingPhase.Running, meeting.State.Phase);

        await dialogs.ByRole("dialog", EndQuestion).ByRole("button", "Not yet").ClickAsync(new());
        await press;

        Assert.Equal(MeetingPhase.Running, meeting.State.Phase);
        cut.ByRole("button", "End meeting");
    }

    [Fact]
    public async Task EndMeeting_ThenYes_EndsItForEveryone()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();
        var dialogs = Context.Render<MudDialogProvider>(p => p.Add(d => d.CloseOnEscapeKey, true).Add(d => d.BackdropClick, false));
        var cut = RenderPage<MeetingConsole>(meeting.Id.Value);

        var press = cut.ByRole("button", "End meeting").ClickAsync(new());
        dialogs.WaitForAssertion(() => dialogs.ByRole("dialog", EndQuestion));
        await dialogs.ByRole("dialog", EndQuestion).ByRole("button", "Yes, end the meeting").ClickAsync(new());
        await press;

        Assert.Equal(MeetingPhase.Ended, meeting.State.Phase);
        cut.WaitForAssertion(() => Assert.Equal("This meeting has ended.", cut.Find(".ended").TextContent));
        Assert.False(cut.HasRole("button", "End meeting"));
        Assert.False(cut.HasRole("button", "Hand over the chair"));
    }

    [Fact]
    public async Task HandOverTheChair_MakesThePersonChosenTheChair()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();
        var cut = RenderPage<MeetingConsole>(meeting.Id.Value);
        Assert.True(cut.ByRole("button", "Hand over the chair").HasAttribute("disabled"));

        await cut.ByRole("combobox", "Hand the chair to").ChangeAsync(new() { Value = meeting["Ben"].Value.ToString() });
        await cut.ByRole("button", "Hand over the chair").ClickAsync(new());

        Assert.Equal(meeting["Ben"], meeting.State.Chair);
        cut.WaitForAssertion(() => Assert.Contains("Chair of the day: Ben", Accessible.TextOf(cut.Find(".meeting-links")), StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheNotesOfOtherItems_StayReadable()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();
        await Notes.SaveAsync(Actor.Facilitator, meeting.Id, 1, "Next chair: Ben", 0);
        await meeting.NextItemAsync();

        var cut = RenderPage<MeetingConsole>(meeting.Id.Value);

        Assert.Contains("Next chair: Ben", Accessible.TextOf(cut.ByRole("region", "Notes from other items")), StringComparison.Ordinal);
        Assert.Equal("2", cut.ByRole("textbox", "Notes").GetAttribute("data-item"));
    }

    [Fact]
    public async Task TheKeyboardShortcuts_FindTheirButtons()
    {
        var meeting = await BenSpeaksAsync();

        var cut = RenderPage<MeetingConsole>(meeting.Id.Value);

        Assert.Equal("next-speaker", cut.ByRole("button", "Next speaker").GetAttribute("data-shortcut"));
        Assert.Equal("next-item", cut.ByRole("button", "Next item").GetAttribute("data-shortcut"));
        Assert.Equal("pause-resume", cut.ByRole("button", "Pause").GetAttribute("data-shortcut"));
        Assert.Equal("add-minute", cut.ByRole("button", "Add a minute").GetAttribute("data-shortcut"));
        Assert.Contains(Context.JSInterop.Invocations, i => i.Identifier == "import" && i.Arguments is ["./Components/Pages/MeetingConsole.razor.js", ..]);
    }

    [Fact]
    public void AMeetingThatDoesNotExist_SaysSo_WithTheWayBack()
    {
        var cut = RenderPage<MeetingConsole>(Guid.NewGuid());

        Assert.Equal("Meeting not found", Accessible.TextOf(cut.AllByRole("heading")[0]));
        Assert.Equal("/", cut.ByRole("link", "Back to your groups").GetAttribute("href"));
    }

    private static void Execute(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string AlertIn(IRenderedComponent<MudSnackbarProvider> toasts)
    {
        var alert = Assert.Single(Assert.Single(toasts.AllByRole("status")).AllByRole("alert"));
        return Accessible.TextOf(alert.QuerySelector(".mud-snackbar-content-message") ?? alert);
    }

    /// <summary>Issue 13 §4: a meeting deleted from the group page, while its console is open elsewhere: the console says it no longer exists.</summary>
    [Fact]
    public async Task AMeetingDeletedElsewhere_TheOpenConsoleSaysItNoLongerExists()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();
        var cut = RenderPage<MeetingConsole>(meeting.Id.Value);
        cut.ByRole("button", "End meeting");

        Assert.Null(await Groups.DeleteMeetingAsync(meeting.Id));

        cut.WaitForAssertion(() => Assert.Equal("Meeting not found", Accessible.TextOf(cut.Find("h1"))));
        Assert.False(cut.HasRole("button", "End meeting"));
    }
}
