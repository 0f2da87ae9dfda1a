using FacilitatorKit.Application.Groups;
using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Testing;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Web.Tests.Pages;
using FacilitatorKit.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FacilitatorKit.Web.Tests;

/// <summary>Issue 4 §1 and §5: a group's page.</summary>
public sealed class GroupPageTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task TheFormat_DefaultsToPeerSupportCircle_ThenToTheGroupsLastFormat()
    {
        var page = (await OpenDeviceAsync("facilitator")).Page;
        var groupId = await SeedGroupAsync("Alex", "Blake");
        var group = await new GroupPage(page).GotoAsync(groupId);

        await group.OpenNewMeetingAsync();
        await Expect(group.FormatBox).ToHaveValueAsync(PeerSupportCircle);
        await group.CreateMeetingAsync(ShortCheckIn);

        await group.GotoAsync(groupId);
        await group.OpenNewMeetingAsync();
        await Expect(group.FormatBox).ToHaveValueAsync(ShortCheckIn);
    }

    [Fact]
    public async Task AClosedGroup_CountsTheSessionsHeld_NotTheOnesOnlySetUp()
    {
        var page = (await OpenDeviceAsync("facilitator")).Page;
        var created = await App.Groups.CreateGroupAsync(new NewGroup(UniqueGroupName("Closed group"), GroupKind.Closed, 8));
        var groupId = created.Value!.Id;
        var alex = (await App.Groups.AddMemberAsync(groupId, "Alex")).Value!.Id;
        var meeting = (await App.Groups.StartNewMeetingAsync(groupId, PeerSupportCircle, [alex], chair: null)).Value!.Meeting;

        var group = await new GroupPage(page).GotoAsync(groupId);
        await Expect(page.GetByText("Closed group: 0 of 8 sessions held", new() { Exact = true })).ToBeVisibleAsync();

        var session = await App.Services.GetRequiredService<MeetingSessions>().GetAsync(meeting);
        Assert.True((await session!.SubmitAsync(new StartMeeting(CommandId.New()) { Actor = Actor.Facilitator })).IsAccepted);
        await group.GotoAsync(groupId);
        await Expect(page.GetByText("Closed group: 1 of 8 sessions held", new() { Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>
    /// B8: a meeting created but never started counted as chairing, and in a closed group it used up a session;
    /// it could not be cancelled.
    /// </summary>
    [Fact]
    public async Task B8_AMeetingSetUpButNotStarted_ChairsNobody_TakesNoSession_AndCanBeCancelled()
    {
        var page = (await OpenDeviceAsync("facilitator")).Page;
        var groupId = (await App.Groups.CreateGroupAsync(new NewGroup(UniqueGroupName("Closed group"), GroupKind.Closed, 3))).Value!.Id;
        foreach (var name in new[] { "Alex", "Blake" })
        {
            await App.Groups.SetVolunteerAsync((await App.Groups.AddMemberAsync(groupId, name)).Value!.Id, true);
        }

        var group = await new GroupPage(page).GotoAsync(groupId);
        await Expect(group.ProposedNextChair).ToHaveTextAsync("Proposed next chair: Alex");
        await group.OpenNewMeetingAsync();
        await Expect(group.FormatBox).ToHaveValueAsync("Closed group session"); // a closed group's first meeting
        await Expect(group.SelectedChairOfTheDay).ToHaveTextAsync("Alex");
        await group.CreateMeetingAsync();

        // Set up, not started: Alex has not chaired, and no session has been held.
        await group.GotoAsync(groupId);
        await Expect(group.ProposedNextChair).ToHaveTextAsync("Proposed next chair: Alex");
        await Expect(group.SessionsHeld(0, 3)).ToBeVisibleAsync();
        await Expect(group.MeetingLink("Meeting 1 of 3")).ToBeVisibleAsync();

        await group.CancelWaitingMeetingAsync();

        await Expect(group.PastMeetings).ToHaveCountAsync(0);
        await Expect(group.SessionsHeld(0, 3)).ToBeVisibleAsync();

        // The next meeting is session 1 again, and once it starts, Alex has chaired.
        await group.OpenNewMeetingAsync();
        var console = await group.CreateMeetingAsync();
        await Expect(console.Page.GetByText("Welcome, session 1 of 3").First).ToBeVisibleAsync();
        await console.StartMeetingAsync();
        await group.GotoAsync(groupId);
        await Expect(group.ProposedNextChair).ToHaveTextAsync("Proposed next chair: Blake");
        await Expect(group.SessionsHeld(1, 3)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task B8_CancelledFromTheConsoleBeforeTheStart_EveryViewSaysSo_AndTheGroupNoLongerListsIt()
    {
        var meeting = await SeedMeetingAsync(PeerSupportCircle, "Alex", "Blake");
        var (console, follow, display) = await OpenAllThreeAsync(meeting);

        await console.CancelMeetingButton.ClickAsync();
        await console.ConfirmCancelButton.ClickAsync();

        foreach (var view in new[] { console.Page, follow.Page, display.Page })
        {
            await Expect(view.GetByRole(AriaRole.Heading, new() { Name = "This meeting was cancelled", Level = 1 })).ToBeVisibleAsync();
        }

        await Expect(console.StartMeetingButton).ToHaveCountAsync(0);
        var groupId = (await App.Groups.GroupOfMeetingAsync(new MeetingId(meeting)))!.Id;
        Assert.Empty(await App.Groups.MeetingsAsync(groupId));
    }

    /// <summary>Issue 11 §7: the group's name, kind and planned sessions can be edited; Enter saves the form.</summary>
    [Fact]
    public async Task GroupSettings_AreEditedOnTheGroupPage_AndEnterSavesThem()
    {
        var page = (await OpenDeviceAsync("facilitator")).Page;
        var groupId = await SeedGroupAsync("Alex");
        var newName = UniqueGroupName("Thursday");
        var group = await new GroupPage(page).GotoAsync(groupId);

        await group.EditSettingsButton.ClickAsync();
        await group.ClosedKind.CheckAsync();
        await group.PlannedSessionsBox.FillAsync("6");
        await group.GroundRulesBox.FillAsync("One at a time\nPhones away");
        await group.SettingsNameBox.FillAsync(newName);
        await group.SettingsNameBox.PressAsync("Enter");

        await Expect(group.Heading(newName)).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "The group settings are saved." })).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync($"{newName} · FacilitatorKit");
        await group.GotoAsync(groupId);
        await Expect(group.Heading(newName)).ToBeVisibleAsync();
        await Expect(group.SessionsHeld(0, 6)).ToBeVisibleAsync();
        await group.EditSettingsButton.ClickAsync();
        await Expect(group.GroundRulesBox).ToHaveValueAsync("One at a time\nPhones away");
    }

    [Fact]
    public async Task GroupSettings_ARefusal_IsSaidBesideTheField_AndNothingTypedIsLost()
    {
        var page = (await OpenDeviceAsync("facilitator")).Page;
        var groupId = await SeedGroupAsync("Alex");
        var group = await new GroupPage(page).GotoAsync(groupId);

        await group.EditSettingsButton.ClickAsync();
        await group.GroundRulesBox.FillAsync("Kept as typed");
        await group.ClosedKind.CheckAsync();
        await group.PlannedSessionsBox.FillAsync("");
        await group.SaveSettingsButton.ClickAsync();

        await Expect(group.PlannedSessionsBox).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "A closed group needs a planned number of sessions." })).ToBeVisibleAsync();
        await Expect(group.GroundRulesBox).ToHaveValueAsync("Kept as typed");
        Assert.Equal(GroupKind.Open, (await App.Groups.GroupAsync(groupId))!.Kind);
    }

    /// <summary>
    /// Issue 13 §4: deleting a member asks once, in a dialog whose safe answer has the keyboard (Escape and "Keep"
    /// leave them); "Yes" removes them from the page and from the store, and asks nothing more.
    /// </summary>
    [Fact]
    public async Task DeletingAMember_AsksOnce_AndRemovesThem()
    {
        var page = (await OpenDeviceAsync("facilitator")).Page;
        var groupId = await SeedGroupAsync("Alex", "Blake");
        var group = await new GroupPage(page).GotoAsync(groupId);

        // Asked, and kept: Escape, then "Keep Alex".
        await group.DeleteMemberButton("Alex").ClickAsync();
        await Expect(group.DeleteQuestion).ToContainTextAsync("Delete Alex for good?");
        await Expect(group.KeepMemberButton("Alex")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(group.DeleteQuestion).ToHaveCountAsync(0);
        await group.DeleteMemberButton("Alex").ClickAsync();
        await group.KeepMemberButton("Alex").ClickAsync();
        await Expect(group.DeleteQuestion).ToHaveCountAsync(0);
        await Expect(group.Member("Alex")).ToBeVisibleAsync();
        Assert.Equal(2, (await App.Groups.MembersAsync(groupId)).Count);

        // Asked once more, and yes: gone, with no second question.
        await group.DeleteMemberButton("Alex").ClickAsync();
        await Expect(group.DeleteQuestion).ToHaveCountAsync(1);
        await group.ConfirmDeleteMemberButton("Alex").ClickAsync();
        await Expect(group.Member("Alex")).ToHaveCountAsync(0);
        await Expect(group.DeleteQuestion).ToHaveCountAsync(0);
        await Expect(group.Member("Blake")).ToBeVisibleAsync();
        Assert.Equal(["Blake"], (await App.Groups.MembersAsync(groupId)).Select(m => m.Name));
    }

    /// <summary>Issue 13 §4: a full name gets a gentle word under the field, not an error, and is still added.</summary>
    [Fact]
    public async Task AFullName_GetsAGentleHint_NotAnError()
    {
        var page = (await OpenDeviceAsync("facilitator")).Page;
        var group = await new GroupPage(page).GotoAsync(await SeedGroupAsync("Alex"));

        await group.MemberNameBox.FillAsync("Ana");
        await Expect(group.AnonymityHint).ToHaveCountAsync(0);
        await group.MemberNameBox.FillAsync("Ana Lopez");
        await Expect(group.AnonymityHint).ToBeVisibleAsync();
        await group.AddMemberAsync("Ana Lopez");
        await Expect(group.AnonymityHint).ToHaveCountAsync(0);
    }

    /// <summary>Issue 13 §4: the group page's export buttons download the group's data, JSON and Markdown, as attachments kept out of caches.</summary>
    [Fact]
    public async Task TheExportButtons_DownloadTheGroupsData()
    {
        var page = (await OpenDeviceAsync("facilitator")).Page;
        var groupId = await SeedGroupAsync("Alex");
        await new GroupPage(page).GotoAsync(groupId);

        foreach (var (button, type, holds) in new[] { ("Export as JSON", "application/json", "\"name\": \"Alex\""), ("Export as Markdown", "text/markdown", "- Alex") })
        {
            var link = page.GetByRole(AriaRole.Link, new() { Name = button, Exact = true });
            var response = await page.APIRequest.GetAsync(await link.GetAttributeAsync("href") ?? "");
            Assert.Equal(200, response.Status);
            Assert.StartsWith(type, response.Headers["content-type"], StringComparison.Ordinal);
            Assert.StartsWith("attachment;", response.Headers["content-disposition"], StringComparison.Ordinal);
            Assert.Equal("no-store", response.Headers["cache-control"]);
            Assert.Contains(holds, await response.TextAsync(), StringComparison.Ordinal);
        }
    }
}
