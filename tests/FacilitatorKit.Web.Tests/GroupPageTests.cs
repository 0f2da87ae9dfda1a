using FacilitatorKit.Application.Groups;
using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Testing;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Web.Tests.Pages;
using FacilitatorKit.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
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
}
