using FacilitatorKit.Web.Tests.Pages;
using FacilitatorKit.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FacilitatorKit.Web.Tests;

/// <summary>Issue 4 §5: the console's keyboard shortcuts.</summary>
public sealed class KeyboardTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task N_GivesTheNextSpeaker_AndSpace_PausesAndResumes()
    {
        var console = new ConsolePage((await OpenDeviceAsync("facilitator")).Page);
        await console.GotoAsync(await SeedMeetingAsync(PeerSupportCircle, "Alex", "Blake", "Casey"));
        await console.StartMeetingAsync();
        await console.NextItemButton.ClickAsync();
        await console.ExpectCurrentItemAsync("Check-in");

        await console.PressShortcutAsync("n");
        await console.ExpectSpeakerAsync("Alex");
        await console.ExpectQueueAsync("Blake", "Casey");

        await console.PressShortcutAsync("Space");
        await Expect(console.ResumeButton).ToBeVisibleAsync();
        await Expect(console.CurrentSpeaker).ToContainTextAsync("Paused");

        await console.PressShortcutAsync("Space");
        await Expect(console.PauseButton).ToBeVisibleAsync();

        await LetThemSpeakAsync();
        await console.PressShortcutAsync("N");
        await console.ExpectSpeakerAsync("Blake");
        await console.ExpectQueueAsync("Casey");
    }

    [Fact]
    public async Task TypingNotes_WhileAnotherDeviceMovesToTheNextItem_StaysInTheNotes_AndPressesNoShortcut()
    {
        var meeting = await SeedMeetingAsync(PeerSupportCircle, "Alex", "Blake", "Casey");
        var (console, follow, _) = await OpenAllThreeAsync(meeting);
        await console.StartMeetingAsync();
        await console.Notes.FillAsync("Ground rules read. ");
        await ExpectNotesSavedAsync(meeting, "Ground rules read. ");
        await console.Notes.FocusAsync();

        // The co-facilitator moves on while the facilitator is still typing: the box is now the check-in's, and the
        // keyboard is still in it, so "n" is a letter, not "Next speaker".
        await follow.NextItemButton.ClickAsync();
        await console.ExpectCurrentItemAsync("Check-in");
        await Expect(console.Notes).ToHaveValueAsync("");
        await Expect(console.Notes).ToBeFocusedAsync();
        await console.Page.Keyboard.TypeAsync("next chair: Casey");

        await Expect(console.Notes).ToHaveValueAsync("next chair: Casey");
        await ExpectNotesSavedAsync(meeting, "next chair: Casey");
        await console.ExpectNobodySpeakingAsync();
    }

    [Fact]
    public async Task TypingQuickly_IntoTheNotes_LosesNoLetter()
    {
        // Each key is a round trip to the app; the app's answer to one key must not set the box back while the
        // next keys are already in it (Playwright types with no pause at all, quicker than any person).
        const string typed = "Next chair: Casey. Tea rota: Blake brings milk, Alex brings biscuits.";
        var meeting = await SeedMeetingAsync(PeerSupportCircle, "Alex", "Blake", "Casey");
        var console = new ConsolePage((await OpenDeviceAsync("facilitator")).Page);
        await console.GotoAsync(meeting);
        await console.StartMeetingAsync();

        await console.Notes.PressSequentiallyAsync(typed);

        await Expect(console.Notes).ToHaveValueAsync(typed);
        await ExpectNotesSavedAsync(meeting, typed);
        await Expect(console.Notes).ToHaveValueAsync(typed);
    }

    /// <summary>
    /// B4: after any click the focus sits on a button, and N, + and → did nothing; Space pressed the focused button
    /// (after "Raise hand for Casey", Space raised a hand instead of pausing); ? opened a list below the screen.
    /// </summary>
    [Fact]
    public async Task AfterAClick_TheShortcutsStillWork_AndSpacePausesInsteadOfPressingTheClickedButton()
    {
        var console = new ConsolePage((await OpenDeviceAsync("facilitator", new ViewportSize { Width = 1366, Height = 768 })).Page);
        await console.GotoAsync(await SeedMeetingAsync(PeerSupportCircle, "Alex", "Blake", "Casey", "Dana"));
        await console.StartMeetingAsync();
        await console.RaiseHandFor("Alex").ClickAsync();
        await console.ExpectQueueAsync("Alex");

        await console.Page.Keyboard.PressAsync("n"); // the focus is on Alex's hand, which the mouse pressed
        await console.ExpectSpeakerAsync("Alex");
        await console.RaiseHandFor("Casey").ClickAsync();
        await console.ExpectQueueAsync("Casey");
        await Expect(console.RaiseHandFor("Casey")).ToBeFocusedAsync();

        await console.Page.Keyboard.PressAsync(" ");
        await Expect(console.ResumeButton).ToBeVisibleAsync(); // paused
        await console.ExpectQueueAsync("Casey"); // and Casey's hand, which has the focus, was not pressed again
        await console.Page.Keyboard.PressAsync(" ");
        await Expect(console.PauseButton).ToBeVisibleAsync(); // resumed

        await LetThemSpeakAsync();
        await console.EndTurnAsync();
        await console.RaiseHandFor("Casey").ClickAsync(); // lowers Casey's hand: nobody waits
        await console.ExpectQueueAsync();
        await console.Page.Keyboard.PressAsync("ArrowRight"); // next item, with the focus on a button
        await console.ExpectCurrentItemAsync("Check-in");
    }

    [Fact]
    public async Task Space_OnAButtonReachedWithTheKeyboard_PressesThatButton()
    {
        var console = new ConsolePage((await OpenDeviceAsync("facilitator")).Page);
        await console.GotoAsync(await SeedMeetingAsync(PeerSupportCircle, "Alex", "Blake", "Casey"));
        await console.StartMeetingAsync();
        await console.RaiseHandAsync("Alex");
        await console.NextSpeakerAsync("Alex");

        await console.RaiseHandFor("Blake").FocusAsync();
        await console.Page.Keyboard.PressAsync("Shift+Tab");
        await console.Page.Keyboard.PressAsync("Tab"); // keyboard focus, as a keyboard user has it
        await console.Page.Keyboard.PressAsync(" ");

        await console.ExpectQueueAsync("Blake");
        await Expect(console.PauseButton).ToBeVisibleAsync(); // not paused
    }

    [Fact]
    public async Task QuestionMark_OpensTheShortcutsAsADialogOnScreen_AndEscapeClosesIt()
    {
        var console = new ConsolePage((await OpenDeviceAsync("facilitator", new ViewportSize { Width = 1366, Height = 768 })).Page);
        await console.GotoAsync(await SeedMeetingAsync(PeerSupportCircle, "Alex", "Blake"));
        await console.StartMeetingAsync(); // the focus is on a button now

        await console.Page.Keyboard.PressAsync("?");

        var dialog = console.Page.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts", Exact = true });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true })).ToBeFocusedAsync();
        await console.Page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();

        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Keyboard shortcuts (?)", Exact = true }).ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
    }
}
