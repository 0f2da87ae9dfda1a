using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FacilitatorKit.Web.Tests.Pages;

/// <summary>What every live view of a meeting shows: the current speaker with the countdown.</summary>
public abstract partial class MeetingViewPage(IPage page)
{
    public IPage Page { get; } = page;

    protected abstract string Path(Guid meeting);

    public ILocator CurrentSpeaker => Page.GetByRole(AriaRole.Region, new() { Name = "Current speaker", Exact = true });

    /// <summary>The turn's countdown: m:ss, or +m:ss in overtime.</summary>
    public ILocator Timer => CurrentSpeaker.GetByRole(AriaRole.Timer);

    // Looked up so that a test can prove they are absent (the room display) as well as present.
    public ILocator Airtime => Page.GetByRole(AriaRole.Region, new() { Name = "Airtime", Exact = true });
    public ILocator Notes => Page.GetByRole(AriaRole.Textbox, new() { Name = "Notes", Exact = true });

    /// <summary>The app's connection status while the connection to the server is down (App.razor): a status, in words.</summary>
    public ILocator ReconnectDialog => Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Reconnecting" });

    public async Task GotoAsync(Guid meeting) => await GotoAsync(Path(meeting));

    /// <summary>Opens the view at an address another page links to (the console's "Co-facilitator view").</summary>
    public async Task GotoAsync(string address)
    {
        await Page.GotoAsync(address);
        await WaitUntilLiveAsync();
    }

    /// <summary>The pages render only once the circuit is up (no prerendering), so the speaker region means "live".</summary>
    public async Task WaitUntilLiveAsync() => await Expect(CurrentSpeaker).ToBeVisibleAsync();

    public async Task ExpectSpeakerAsync(string name) => await Expect(CurrentSpeaker).ToContainTextAsync(name);

    public async Task ExpectNobodySpeakingAsync() => await Expect(CurrentSpeaker).ToContainTextAsync("Nobody is speaking.");

    public async Task ExpectTimerShowsMinutesAndSecondsAsync() => await Expect(Timer).ToHaveTextAsync(MinutesAndSeconds());

    /// <summary>The countdown's text in seconds; negative in overtime.</summary>
    public async Task<int> ReadTimerSecondsAsync() => ParseTimer(await Timer.InnerTextAsync());

    public static int ParseTimer(string text)
    {
        var match = MinutesAndSeconds().Match(text.Trim());
        if (!match.Success)
        {
            throw new FormatException($"The countdown reads \"{text}\", not m:ss or +m:ss.");
        }

        var seconds = (int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) * 60) + int.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture);
        return match.Groups["over"].Success ? -seconds : seconds;
    }

    [GeneratedRegex(@"^(?<over>\+)?(?<m>\d+):(?<s>[0-5]\d)$")]
    public static partial Regex MinutesAndSeconds();
}

/// <summary>The views that run the meeting (the console and the co-facilitator view): agenda, queue and turn controls.</summary>
public abstract class RunningMeetingPage(IPage page) : MeetingViewPage(page)
{
    public ILocator Agenda => Page.GetByRole(AriaRole.List, new() { Name = "Agenda", Exact = true });
    public ILocator CurrentItem => Page.GetByRole(AriaRole.Region, new() { Name = "Current item", Exact = true });

    /// <summary>The other items' notes, read only, while the meeting runs; "Meeting notes" once it has ended.</summary>
    public ILocator NotesFromOtherItems => Page.GetByRole(AriaRole.Region, new() { Name = "Notes from other items", Exact = true });
    public ILocator MeetingNotes => Page.GetByRole(AriaRole.Region, new() { Name = "Meeting notes", Exact = true });
    public ILocator HasEnded => Page.GetByText("This meeting has ended.", new() { Exact = true });
    public ILocator NextItemButton => Page.GetByRole(AriaRole.Button, new() { Name = "Next item", Exact = true });

    /// <summary>Next item with people still waiting: it asks once, in place ("3 people are still waiting to speak: move on?"), and this answers yes.</summary>
    public async Task MoveOnThoughPeopleWaitAsync(string question)
    {
        await NextItemButton.ClickAsync();
        var asked = Page.GetByRole(AriaRole.Group, new() { Name = question, Exact = true });
        await asked.GetByRole(AriaRole.Button, new() { Name = "Yes, move on", Exact = true }).ClickAsync();
    }
    public ILocator EditAgendaButton => Page.GetByRole(AriaRole.Button, new() { Name = "Edit agenda", Exact = true });
    public ILocator AddAgendaItemForm => Page.GetByRole(AriaRole.Form, new() { Name = "Add an agenda item", Exact = true });
    public ILocator MoveUp(string item) => Page.GetByRole(AriaRole.Button, new() { Name = $"Move “{item}” up", Exact = true });
    public ILocator Skip(string item) => Page.GetByRole(AriaRole.Button, new() { Name = $"Skip “{item}”", Exact = true });
    public ILocator Remove(string item) => Page.GetByRole(AriaRole.Button, new() { Name = $"Remove “{item}”", Exact = true });
    public ILocator TurnLimitFor(string item) => Page.GetByRole(AriaRole.Combobox, new() { Name = $"Turn limit for “{item}”", Exact = true });

    /// <summary>The agenda item with this title, in the Agenda list (a row's first span is its title).</summary>
    public ILocator AgendaItem(string title) => Agenda.GetByRole(AriaRole.Listitem).Filter(new() { Has = Page.Locator(":scope > span:nth-child(1)", new() { HasTextString = title }) });

    /// <summary>The agenda holds exactly these items, in this order.</summary>
    public async Task ExpectAgendaAsync(params string[] titles) =>
        await Expect(Agenda.GetByRole(AriaRole.Listitem).Locator(":scope > span:nth-child(1)")).ToHaveTextAsync(titles);

    /// <summary>Adds an item with the add form, submitted with Enter, and waits until it is stored and shown.</summary>
    public async Task AddAgendaItemAsync(string title, string kind, int minutes)
    {
        await AddAgendaItemForm.GetByRole(AriaRole.Combobox, new() { Name = "Kind", Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = kind });
        await AddAgendaItemForm.GetByRole(AriaRole.Spinbutton, new() { Name = "Time box (minutes)", Exact = true }).FillAsync(minutes.ToString(CultureInfo.InvariantCulture));
        var titleBox = AddAgendaItemForm.GetByRole(AriaRole.Textbox, new() { Name = "Title", Exact = true });
        await titleBox.FillAsync(title);
        await titleBox.PressAsync("Enter");
        await Expect(AddAgendaItemForm.GetByRole(AriaRole.Status)).ToHaveTextAsync($"“{title}” is on the agenda.");
    }

    public ILocator TurnOrder => Page.GetByRole(AriaRole.Combobox, new() { Name = "Turn order", Exact = true });
    public ILocator SelectedTurnOrder => TurnOrder.GetByRole(AriaRole.Option, new() { Selected = true });
    public ILocator SpeakerQueue => Page.GetByRole(AriaRole.List, new() { Name = "Speaker queue", Exact = true });
    public ILocator NextSpeakerButton => Page.GetByRole(AriaRole.Button, new() { Name = "Next speaker", Exact = true });
    public ILocator PauseButton => Button("Pause");
    public ILocator ResumeButton => Button("Resume");
    public ILocator AddAMinuteButton => Button("Add a minute");
    public ILocator EndTurnButton => Button("End turn");
    public ILocator PassButton => Button("Pass");
    public ILocator PassForNowButton => Button("Pass for now");
    public ILocator ParticipantNameBox => Page.GetByRole(AriaRole.Textbox, new() { Name = "Participant name", Exact = true });
    public ILocator AddParticipantButton => Page.GetByRole(AriaRole.Button, new() { Name = "Add participant", Exact = true });
    public ILocator Participants => Page.GetByRole(AriaRole.List, new() { Name = "Participants", Exact = true });

    /// <summary>A person's airtime in this meeting (m:ss), in their row of the Airtime panel.</summary>
    public ILocator AirtimeOf(string name) =>
        Airtime.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Rowheader, new() { Name = name, Exact = true }) }).GetByRole(AriaRole.Cell).First;

    /// <summary>Every "Raise hand for NAME" button.</summary>
    public ILocator RaiseHandButtons => Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Raise hand for ") });

    /// <summary>
    /// Issue 11, item 9: during sharing, what the facilitator works with is on the screen without scrolling: the item
    /// and Next item, the speaker with the countdown and the turn controls, the queue with Next speaker, and the hand
    /// of everyone named. Takes a screenshot first, and returns its path, for the test's log.
    /// </summary>
    public async Task<string> ExpectTheWorkOnScreenWithoutScrollingAsync(IEnumerable<string> everyone, string screenshotName)
    {
        var screenshot = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{screenshotName}-{Guid.NewGuid():N}.png");
        await Page.ScreenshotAsync(new() { Path = screenshot });
        ILocator[] mustBeOnScreen =
        [
            CurrentItem, NextItemButton,
            CurrentSpeaker, Timer, PauseButton, AddAMinuteButton, EndTurnButton, PassButton,
            SpeakerQueue, NextSpeakerButton,
            .. everyone.Select(RaiseHandFor),
        ];
        foreach (var control in mustBeOnScreen)
        {
            await Expect(control).ToBeInViewportAsync(new() { Ratio = 1 });
        }

        Assert.Equal(0, await Page.EvaluateAsync<int>("() => window.scrollY"));
        return screenshot;
    }

    public ILocator RaiseHandFor(string name) => Page.GetByRole(AriaRole.Button, new() { Name = $"Raise hand for {name}", Exact = true });

    /// <summary>In a go-round, the queue's remove button: a place in the round is not a raised hand.</summary>
    public ILocator TakeOutOfTheRound(string name) => Page.GetByRole(AriaRole.Button, new() { Name = $"Take {name} out of this round", Exact = true });

    private ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public async Task RaiseHandAsync(string name)
    {
        await RaiseHandFor(name).ClickAsync();
        await Expect(SpeakerQueue.GetByRole(AriaRole.Listitem).Filter(new() { HasText = name })).ToHaveCountAsync(1);
        await Expect(RaiseHandFor(name)).ToHaveAttributeAsync("aria-pressed", "true");
    }

    /// <summary>The queue holds exactly these people, in this order.</summary>
    public async Task ExpectQueueAsync(params string[] names)
    {
        var rows = SpeakerQueue.GetByRole(AriaRole.Listitem);
        await Expect(rows).ToHaveCountAsync(names.Length);
        for (var i = 0; i < names.Length; i++)
        {
            await Expect(rows.Nth(i)).ToContainTextAsync(names[i]);
        }
    }

    public async Task NextSpeakerAsync(string expected)
    {
        await NextSpeakerButton.ClickAsync();
        await ExpectSpeakerAsync(expected);
    }

    /// <summary>
    /// Ends the turn and waits until the page shows it: a page sends one command at a time, and a click made
    /// while the previous one is still on its way is not applied.
    /// </summary>
    public async Task EndTurnAsync()
    {
        await EndTurnButton.ClickAsync();
        await ExpectNobodySpeakingAsync();
    }

    public async Task AddParticipantAsync(string name)
    {
        await ParticipantNameBox.FillAsync(name);
        await AddParticipantButton.ClickAsync();
        await Expect(Participants).ToContainTextAsync(name);
    }

    public async Task ExpectCurrentItemAsync(string title) =>
        await Expect(CurrentItem.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true })).ToBeVisibleAsync();
}
