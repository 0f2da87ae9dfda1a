using System.Text.RegularExpressions;
using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Application.Notes;
using FacilitatorKit.Application.Summaries;
using Deque.AxeCore.Playwright;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Web.Tests.Pages;
using FacilitatorKit.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace FacilitatorKit.Web.Tests;

/// <summary>
/// Issue 13 §1, done when: a browser test ends a meeting, edits its summary, prints it (PDF through Chromium, checked
/// for the absence of airtime) and exports Markdown and .ics.
/// </summary>
public sealed partial class MeetingSummaryTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task EndAMeeting_EditItsSummary_PrintIt_WithoutAirtime_AndExportMarkdownAndTheNextMeeting()
    {
        var (meeting, groupId) = await MeetingWithAirtimeNotesAndANextMeetingAsync();
        var device = await OpenDeviceAsync("facilitator");
        var console = new ConsolePage(device.Page);
        var page = device.Page;
        await console.GotoAsync(meeting);

        // The console has airtime to show: the figures the summary must never carry.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Airtime", Exact = true })).ToBeVisibleAsync();

        // End the meeting as a facilitator does; the console then links to its summary.
        await console.EndMeetingAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Meeting summary", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/meetings/{meeting}/summary$"));
        var summary = page.Locator("article.summary-document");
        await Expect(summary.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("meeting 1");
        await Expect(summary).ToContainTextAsync("Alex, Blake, Casey");
        await Expect(summary).ToContainTextAsync("Chair: Alex");
        await Expect(summary).ToContainTextAsync("Agreed: move to the library"); // prefilled from the item's notes
        await Expect(page.GetByText("Not saved yet", new() { Exact = false })).ToBeVisibleAsync();

        // Edit: a decision, and an action item that first has no owner (refused, nothing stored), then has one.
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit summary", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a decision to Open discussion", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Decision 2 for Open discussion", Exact = true }).FillAsync("Tea rota starts next week");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an action item to Open discussion", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Action 1 for Open discussion", Exact = true }).FillAsync("Book the room");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save summary", Exact = true });
        await save.ClickAsync();
        await Expect(page.GetByText("Please enter a name for who takes this action on.", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Not saved" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Owner of action 1 for Open discussion", Exact = true }).FillAsync("Casey");
        await save.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved as version 1." })).ToBeVisibleAsync();

        // Reload: it was stored.
        await page.ReloadAsync();
        await Expect(summary).ToContainTextAsync("Tea rota starts next week");
        await Expect(summary).ToContainTextAsync("Book the room (owner: Casey)");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Version 1, saved" })).ToBeVisibleAsync();

        // Print: only the summary, as the print stylesheet has it.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("header.app-header")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Export as Markdown" })).ToBeHiddenAsync();
        await Expect(summary).ToBeVisibleAsync();
        var printed = PdfText(await page.PdfAsync(new() { Format = "A4", PrintBackground = false }));
        Assert.Contains("Tea rota starts next week", printed, StringComparison.Ordinal);
        Assert.Contains("Book the room", printed, StringComparison.Ordinal);
        Assert.Contains("Casey", printed, StringComparison.Ordinal);
        Assert.Contains("15 December 2026", printed, StringComparison.Ordinal);
        Assert.Contains("Library, room 2", printed, StringComparison.Ordinal);
        foreach (var chrome in new[] { "FacilitatorKit", "Export as Markdown", "Edit summary", "Copy", "Back to" })
        {
            Assert.DoesNotContain(chrome, printed, StringComparison.Ordinal);
        }

        // No airtime: not the word, not the balance, and no m:ss figure of anyone's speaking time.
        Assert.DoesNotContain("airtime", printed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("balance", printed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(MinutesAndSeconds(), printed);
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // Export as Markdown.
        var markdown = await DownloadAsync(page, "Export as Markdown");
        Assert.EndsWith(".md", markdown.Name, StringComparison.Ordinal);
        Assert.Contains("Tea rota starts next week", markdown.Text, StringComparison.Ordinal);
        Assert.Contains("- Book the room (owner: Casey)", markdown.Text, StringComparison.Ordinal);
        Assert.Contains("## Who came", markdown.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("airtime", markdown.Text, StringComparison.OrdinalIgnoreCase);

        // Add the next meeting to a calendar: an .ics that Ical.Net reads, on the planned day, at the planned place.
        var ics = await DownloadAsync(page, "Add the next meeting to a calendar");
        Assert.EndsWith(".ics", ics.Name, StringComparison.Ordinal);
        var calendar = Ical.Net.Calendar.Load(ics.Text)!;
        var next = Assert.Single(calendar.Events);
        Assert.Equal(new DateOnly(2026, 12, 15), DateOnly.FromDateTime(next.Start!.Value));
        Assert.False(next.Start.HasTime);
        Assert.Equal("Library, room 2", next.Location);

        // Copy puts the same Markdown on the clipboard, and says so in words.
        await device.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Copied" })).ToBeVisibleAsync();
        Assert.Contains("Book the room", await page.EvaluateAsync<string>("navigator.clipboard.readText()"), StringComparison.Ordinal);

        // The group page's list links to it too.
        await page.GotoAsync($"/groups/{groupId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Summary of meeting 1", Exact = true }).ClickAsync();
        await Expect(summary).ToContainTextAsync("Book the room (owner: Casey)");
    }

    /// <summary>
    /// Two devices edit the same version. The second save is told, calmly, that the summary changed elsewhere: its text
    /// is still in the form, the newer version is beside it, and "Save mine" makes it the newest while the other stays
    /// stored as the version before. Nothing typed on either device is lost.
    /// </summary>
    [Fact]
    public async Task ASaveBehindAnotherDevice_SaysSo_KeepsWhatWasTyped_AndLosesNothing()
    {
        var (meeting, _) = await MeetingWithAirtimeNotesAndANextMeetingAsync(end: true);
        var laptop = (await OpenDeviceAsync("facilitator")).Page;
        var tablet = (await OpenDeviceAsync("co-facilitator", new ViewportSize { Width = 820, Height = 1180 })).Page;
        foreach (var page in new[] { laptop, tablet })
        {
            await page.GotoAsync($"/meetings/{meeting}/summary");
            await page.GetByRole(AriaRole.Button, new() { Name = "Edit summary", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add a decision to Open discussion", Exact = true }).ClickAsync();
        }

        await laptop.GetByRole(AriaRole.Textbox, new() { Name = "Decision 2 for Open discussion", Exact = true }).FillAsync("Laptop's decision");
        await laptop.GetByRole(AriaRole.Button, new() { Name = "Save summary", Exact = true }).ClickAsync();
        await Expect(laptop.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved as version 1." })).ToBeVisibleAsync();

        var typed = tablet.GetByRole(AriaRole.Textbox, new() { Name = "Decision 2 for Open discussion", Exact = true });
        await typed.FillAsync("Tablet's decision");
        await tablet.GetByRole(AriaRole.Button, new() { Name = "Save summary", Exact = true }).ClickAsync();
        await Expect(tablet.GetByRole(AriaRole.Alert).Filter(new() { HasText = "changed on another device" })).ToBeVisibleAsync();
        await Expect(typed).ToHaveValueAsync("Tablet's decision");
        var theirs = tablet.GetByRole(AriaRole.Region, new() { Name = "The other device's version (version 1)", Exact = true });
        await Expect(theirs).ToContainTextAsync("Laptop's decision");

        await tablet.GetByRole(AriaRole.Button, new() { Name = "Save mine as the newest version", Exact = true }).ClickAsync();
        await Expect(tablet.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved as version 2." })).ToBeVisibleAsync();
        await Expect(tablet.Locator("article.summary-document")).ToContainTextAsync("Tablet's decision");

        // The laptop's version is still there to read, as it was saved.
        await tablet.ReloadAsync();
        var versions = tablet.GetByRole(AriaRole.Navigation, new() { Name = "Versions", Exact = true });
        await versions.GetByRole(AriaRole.Link, new() { Name = "Version 1", Exact = true }).ClickAsync();
        await Expect(tablet.GetByText("This is version 1, as it was saved. The newest is version 2.")).ToBeVisibleAsync();
        await Expect(tablet.Locator("article.summary-document")).ToContainTextAsync("Laptop's decision");
        await Expect(tablet.GetByRole(AriaRole.Button, new() { Name = "Edit summary", Exact = true })).ToHaveCountAsync(0);

        await using var scope = App.Services.ScopeActingAs(Engine.Roles.Actor.Facilitator); // reads are the facilitator roles'
        var summaries = scope.ServiceProvider.GetRequiredService<SummaryService>();
        Assert.Contains("Laptop's decision", (await summaries.GetVersionAsync(new MeetingId(meeting), 1))!.Content.Items.SelectMany(i => i.Decisions));
        Assert.Contains("Tablet's decision", (await summaries.GetAsync(new MeetingId(meeting)))!.Content.Items.SelectMany(i => i.Decisions));
    }

    /// <summary>The summary, read and being edited: every control named, and no serious or critical axe-core violation.</summary>
    [Fact]
    public async Task TheSummaryPage_ReadAndEdited_HasNoSeriousOrCriticalViolations()
    {
        var (meeting, _) = await MeetingWithAirtimeNotesAndANextMeetingAsync(end: true);
        var page = (await OpenDeviceAsync("facilitator")).Page;
        await page.GotoAsync($"/meetings/{meeting}/summary");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Edit summary", Exact = true })).ToBeVisibleAsync();
        var report = new List<string>();
        foreach (var state in new[] { "read", "edited" })
        {
            if (state == "edited")
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Edit summary", Exact = true }).ClickAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Add an action item to Open discussion", Exact = true }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Owner of action 1 for Open discussion", Exact = true })).ToBeVisibleAsync();
            }

            var result = await page.RunAxe();
            report.AddRange(result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{state}: {v.Impact} {v.Id}: {v.Help} ({string.Join("; ", v.Nodes.Select(n => string.Join(" ", n.Target)))})"));
        }

        Assert.True(report.Count == 0, "axe-core found:\n" + string.Join("\n", report));
    }

    /// <summary>
    /// Alex chairs Alex, Blake and Casey; Blake speaks for two seconds in the open discussion, whose notes hold a
    /// decision; the closing plans the next meeting. Straight through the engine: the test is about what comes after.
    /// </summary>
    private async Task<(Guid Meeting, Guid Group)> MeetingWithAirtimeNotesAndANextMeetingAsync(bool end = false)
    {
        var groupId = await SeedGroupAsync("Alex", "Blake", "Casey");
        var members = (await App.Groups.MembersAsync(groupId)).Select(m => m.Id).ToList();
        var meeting = (await App.Groups.StartNewMeetingAsync(groupId, ShortCheckIn, members, chair: members[0])).Value!.Meeting;
        var session = (await App.Services.GetRequiredService<MeetingSessions>().GetAsync(meeting))!;
        async Task Do(MeetingCommand command) => Assert.True((await session.SubmitAsync(command, Actor.Facilitator)).IsAccepted, command.ToString());
        ParticipantId Id(string name) => session.State.Participants.Single(p => p.Name == name).Id;

        await Do(new StartMeeting(CommandId.New()));
        while (session.State.CurrentItem?.Title != "Open discussion")
        {
            await Do(new NextItem(CommandId.New(), session.State.CurrentItemId));
        }

        await Do(new RaiseHand(CommandId.New(), Id("Blake")));
        await Do(new NextSpeaker(CommandId.New(), null));
        await Task.Delay(TimeSpan.FromSeconds(2));
        await Do(new EndTurn(CommandId.New(), session.State.CurrentTurn!.Id));
        Assert.True(session.State.AirtimeOf(Id("Blake"), DateTimeOffset.UtcNow) > TimeSpan.FromSeconds(1));

        var notes = App.Services.GetRequiredService<NoteService>();
        var saved = await notes.SaveAsync(Actor.Facilitator, meeting, session.State.CurrentItemId!.Value.Value, "- Agreed: move to the library", 0);
        Assert.Equal(NoteSaveStatus.Saved, saved.Status);

        await Do(new NextItem(CommandId.New(), session.State.CurrentItemId));
        Assert.Equal(AgendaItemKind.Closing, session.State.CurrentItem?.Kind);
        await Do(new PlanNextMeeting(CommandId.New(), new DateOnly(2026, 12, 15), "Library, room 2"));
        if (end)
        {
            await Do(new EndMeeting(CommandId.New()));
        }

        return (meeting.Value, groupId);
    }

    private static async Task<(string Name, string Text)> DownloadAsync(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync());
        var path = await download.PathAsync();
        return (download.SuggestedFilename, await File.ReadAllTextAsync(path));
    }

    /// <summary>The words of every page of a PDF, as a reader would find them.</summary>
    private static string PdfText(byte[] pdf)
    {
        Assert.NotEmpty(pdf);
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    [GeneratedRegex(@"\d:\d\d")]
    private static partial Regex MinutesAndSeconds();
}
