using System.Text.RegularExpressions;
using FacilitatorKit.Web.Tests.Pages;
using FacilitatorKit.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FacilitatorKit.Web.Tests;

/// <summary>Issue 4 §6: messages next to the field, and user text shown as typed, never as markup.</summary>
public sealed partial class InputTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task TheSameRefusalTwice_IsShownAndSaidTwice()
    {
        var console = await OpenRunningConsoleAsync("Alex", "Blake");

        // Every notice that appears in the toasts' live region, as a screen reader would be told of it.
        await console.Page.EvaluateAsync("""
            () => {
              window.__notices = [];
              new MutationObserver(records => {
                for (const r of records) for (const n of r.addedNodes) if (n.classList?.contains('mud-snackbar')) window.__notices.push(n.textContent.trim());
              }).observe(document.getElementById('mud-snackbar-container'), { childList: true, subtree: true });
            }
            """);
        var refusal = console.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Nobody is waiting to speak." });
        await console.NextSpeakerButton.ClickAsync();
        await Expect(refusal).ToBeVisibleAsync();
        await console.NextSpeakerButton.ClickAsync();

        await ExpectEventuallyAsync(
            async () => (await console.Page.EvaluateAsync<string[]>("() => window.__notices")).Length == 2,
            "the second, identical refusal to be shown again");
        Assert.All(await console.Page.EvaluateAsync<string[]>("() => window.__notices"), n => Assert.Equal("Nobody is waiting to speak.", n));
    }

    [Fact]
    public async Task AnEmptyGroupName_ShowsItsMessageNextToTheField()
    {
        var groups = await new GroupsPage((await OpenDeviceAsync("facilitator")).Page).GotoAsync();

        await groups.SubmitNewGroupAsync("");

        // "Next to the field": the message is the field's accessible description, and it is announced.
        await Expect(groups.GroupNameBox).ToHaveAccessibleDescriptionAsync("Please enter a group name.");
        await Expect(groups.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Please enter a group name." })).ToBeVisibleAsync();
        await Expect(groups.Page).ToHaveURLAsync(Home());
    }

    [Theory]
    [InlineData("Alex", "Someone in this group is already called Alex.")]
    [InlineData("Alexandrina Bartholomew-Constantinopoulos", "at most 40 characters")] // 41 characters
    [InlineData("   ", "Please enter a member name.")]
    public async Task ABadMemberName_ShowsItsMessageNextToTheField(string name, string message)
    {
        var group = await new GroupPage((await OpenDeviceAsync("facilitator")).Page).GotoAsync(await SeedGroupAsync("Alex"));

        await group.SubmitMemberAsync(name);

        await Expect(group.MemberNameBox).ToHaveAccessibleDescriptionAsync(new Regex(Regex.Escape(message)));
        await Expect(group.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = message })).ToBeVisibleAsync();
        await Expect(group.Members.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(group.MemberNameBox).ToHaveValueAsync(name); // kept, so it can be corrected
    }

    [Fact]
    public async Task AParticipantWithTheSameNameAsSomeoneHere_ShowsItsMessageNextToTheField()
    {
        var console = new ConsolePage((await OpenDeviceAsync("facilitator")).Page);
        await console.GotoAsync(await SeedMeetingAsync(PeerSupportCircle, "Alex", "Blake"));

        await console.ParticipantNameBox.FillAsync("alex");
        await console.AddParticipantButton.ClickAsync();

        await Expect(console.ParticipantNameBox).ToHaveAccessibleDescriptionAsync(new Regex("Someone called Alex is already here"));
        await Expect(console.Participants.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task NamesThatLookLikeMarkup_ShowAsTyped_OnEveryPage()
    {
        const string Bold = "<b>Sam</b>";
        const string Script = "<img src=x onerror=alert(1)>";
        var facilitator = await OpenDeviceAsync("facilitator");
        var dialogs = 0;
        facilitator.Page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        var group = await new GroupPage(facilitator.Page).GotoAsync(await SeedGroupAsync());
        await group.AddMemberAsync(Bold);
        await Expect(group.Member(Bold)).ToHaveTextAsync(Bold);
        await Expect(group.Page.GetByRole(AriaRole.Button, new() { Name = $"Rename {Bold}", Exact = true })).ToBeVisibleAsync();

        await group.OpenNewMeetingAsync();
        var console = await group.CreateMeetingAsync();
        await console.AddParticipantAsync(Script);
        await console.StartMeetingAsync();
        await console.RaiseHandAsync(Bold);
        await console.NextSpeakerAsync(Bold);

        var display = new DisplayPage((await OpenDeviceAsync("display")).Page);
        await display.GotoAsync(console.MeetingId);
        foreach (var page in new MeetingViewPage[] { console, display })
        {
            await Expect(page.CurrentSpeaker.GetByText(Bold, new() { Exact = false })).ToBeVisibleAsync();
            await Expect(page.Page.Locator("b, img")).ToHaveCountAsync(0); // the text was not parsed as markup
        }

        await Expect(console.Participants).ToContainTextAsync(Script);
        await Expect(console.RaiseHandFor(Script)).ToBeVisibleAsync();
        Assert.Equal(0, dialogs);
    }

    [GeneratedRegex(@"/$")]
    private static partial Regex Home();
}
