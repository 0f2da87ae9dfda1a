using FacilitatorKit.Application.Groups;
using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Web.Tests.Pages;
using FacilitatorKit.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FacilitatorKit.Web.Tests;

/// <summary>Issue 11 §8: the closing shows the proposed next chair and asks for the next meeting's date and place.</summary>
public sealed class ClosingTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task TheClosingItem_ProposesTheNextChair_AndKeepsTheNextMeetingsDateAndPlace_EnterSaves()
    {
        var groupId = (await App.Groups.CreateGroupAsync(new NewGroup(UniqueGroupName("Group")))).Value!.Id;
        var members = new List<Guid>();
        foreach (var name in new[] { "Alex", "Blake" })
        {
            var member = (await App.Groups.AddMemberAsync(groupId, name, volunteersForChair: true)).Value!.Id;
            members.Add(member);
        }

        var meeting = (await App.Groups.StartNewMeetingAsync(groupId, ShortCheckIn, members, chair: members[0])).Value!.Meeting;
        var session = (await App.Services.GetRequiredService<MeetingSessions>().GetAsync(meeting))!;
        Assert.True((await session.SubmitAsync(new StartMeeting(CommandId.New()), Actor.Facilitator)).IsAccepted);
        while (session.State.CurrentItem?.Title != "Open discussion")
        {
            Assert.True((await session.SubmitAsync(new NextItem(CommandId.New(), session.State.CurrentItemId), Actor.Facilitator)).IsAccepted);
        }

        var console = new ConsolePage((await OpenDeviceAsync("facilitator")).Page);
        await console.GotoAsync(meeting.Value);
        var closing = console.Page.GetByRole(AriaRole.Region, new() { Name = "Next chair and next meeting", Exact = true });
        await Expect(closing).ToHaveCountAsync(0); // asked only at the closing

        await console.NextItemButton.ClickAsync();
        await console.ExpectCurrentItemAsync("Closing");

        await Expect(closing.GetByText("Proposed next chair: Blake", new() { Exact = true })).ToBeVisibleAsync(); // Alex chaired tonight
        await closing.GetByLabel("Next meeting's date", new() { Exact = true }).FillAsync("2026-12-08");
        var place = closing.GetByRole(AriaRole.Textbox, new() { Name = "Next meeting's place", Exact = true });
        await place.FillAsync("Library, room 2");
        await place.PressAsync("Enter");

        await Expect(closing.GetByRole(AriaRole.Status)).ToContainTextAsync("8 December 2026, Library, room 2.");
        Assert.Equal(new NextMeeting(new DateOnly(2026, 12, 8), "Library, room 2"), session.State.NextMeeting);
    }
}
