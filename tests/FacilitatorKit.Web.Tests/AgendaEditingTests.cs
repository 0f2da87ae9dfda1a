using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using FacilitatorKit.Web.Tests.Pages;
using FacilitatorKit.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FacilitatorKit.Web.Tests;

/// <summary>
/// Issue 11, item 6: the agenda is edited while the meeting runs, from the console, behind "Edit agenda": add a
/// reading, reorder with the keyboard alone, skip, remove (asked once), and change the turn limit, which the next
/// turn's countdown follows. One meeting, one console; the co-facilitator's tablet sees each change.
/// </summary>
public sealed class AgendaEditingTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task WhileTheMeetingRuns_TheAgendaIsAddedTo_Reordered_Skipped_Pruned_AndItsTurnLimitChanged()
    {
        var meeting = await SeedMeetingAsync(ShortCheckIn, "Alex", "Blake");
        var console = new ConsolePage((await OpenDeviceAsync("facilitator")).Page);
        var follow = new FollowPage((await OpenDeviceAsync("co-facilitator", new ViewportSize { Width = 820, Height = 1180 })).Page);
        await console.GotoAsync(meeting);
        await follow.GotoAsync(meeting);
        await console.StartMeetingAsync();

        // Nothing to edit with until it is asked for.
        await Expect(console.EditAgendaButton).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(console.AddAgendaItemForm).ToHaveCountAsync(0);
        await console.EditAgendaButton.ClickAsync();
        await Expect(console.EditAgendaButton).ToHaveAttributeAsync("aria-pressed", "true");

        // Add a reading (Enter submits the form); it goes to the end, and every device shows it.
        await console.AddAgendaItemAsync("Just for today", "Reading", 3);
        string[] added = ["Welcome", "Check-in", "Open discussion", "Closing", "Just for today"];
        await console.ExpectAgendaAsync(added);
        await follow.ExpectAgendaAsync(added);

        // Every editing control has its role and name, and reads in the default look.
        var serious = (await console.Page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join("; ", v.Nodes.Select(n => string.Join(" ", n.Target)))})");
        Assert.Empty(serious);

        // Reorder with the keyboard alone: Enter on "Move up", twice; the focus stays on the button that moved.
        await console.MoveUp("Just for today").FocusAsync();
        await console.Page.Keyboard.PressAsync("Enter");
        await console.ExpectAgendaAsync("Welcome", "Check-in", "Open discussion", "Just for today", "Closing");
        await Expect(console.MoveUp("Just for today")).ToBeFocusedAsync();
        await console.Page.Keyboard.PressAsync("Enter");
        await console.ExpectAgendaAsync("Welcome", "Check-in", "Just for today", "Open discussion", "Closing");
        await Expect(console.MoveUp("Just for today")).ToBeFocusedAsync();

        // Skip: the item stays, marked in words, and Next item passes it by.
        await console.Skip("Check-in").ClickAsync();
        await Expect(console.AgendaItem("Check-in")).ToContainTextAsync("Skipped");

        // Remove asks once, in its row.
        await console.Remove("Open discussion").ClickAsync();
        await console.Page.GetByRole(AriaRole.Group, new() { Name = "Take “Open discussion” off the agenda?", Exact = true })
            .GetByRole(AriaRole.Button, new() { Name = "Yes, remove it", Exact = true }).ClickAsync();
        string[] pruned = ["Welcome", "Check-in", "Just for today", "Closing"];
        await console.ExpectAgendaAsync(pruned);
        await follow.ExpectAgendaAsync(pruned);

        await console.NextItemButton.ClickAsync();
        await console.ExpectCurrentItemAsync("Just for today");

        // A 2-minute limit for the reading's turns: the next turn's countdown starts from 2:00.
        await console.TurnLimitFor("Just for today").SelectOptionAsync(new SelectOptionValue { Label = "2 minutes" });
        await Expect(console.AgendaItem("Just for today")).ToContainTextAsync("2:00 each");
        await console.RaiseHandAsync("Alex");
        await console.NextSpeakerAsync("Alex");
        await Expect(console.Timer).ToHaveTextAsync(new Regex("^(2:00|1:5[0-9])$"));
        await Expect(follow.Timer).ToHaveTextAsync(new Regex("^(2:00|1:5[0-9])$"));
    }
}
