using FacilitatorKit.Web.Tests.Pages;
using FacilitatorKit.Web.Tests.Support;
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
}
