using Bunit;
using FacilitatorKit.Engine;
using FacilitatorKit.Web.Components.Pages;
using FacilitatorKit.Web.Components.Tests.Support;

namespace FacilitatorKit.Web.Components.Tests.Pages;

/// <summary>B8: a meeting set up but not started can be cancelled, once asked, from its console or its group's page.</summary>
public class CancelMeetingTests : ComponentTest
{
    private const string Question = "Cancel this meeting? It has not started, so it will count as no session, no chairing and no attendance.";

    [Fact]
    public async Task OnTheGroupPage_AWaitingMeeting_IsMarkedNotStarted_AndCancellingAsksOnce()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        var cut = Context.Render<GroupPage>(p => p.Add(c => c.Id, meeting.Group.Id));
        cut.WaitForAssertion(() => cut.ByRole("list", "Past meetings"));
        Assert.Contains("not started yet", Accessible.TextOf(cut.ByRole("list", "Past meetings")), StringComparison.Ordinal);

        await cut.ByRole("button", "Cancel this meeting").ClickAsync(new());
        var ask = cut.ByRole("group", Question);
        Assert.Equal(["Keep the meeting", "Yes, cancel it"], ask.AllByRole("button").Select(Accessible.NameOf));
        await ask.ByRole("button", "Keep the meeting").ClickAsync(new());
        Assert.Equal(MeetingPhase.Gathering, meeting.State.Phase);

        await cut.ByRole("button", "Cancel this meeting").ClickAsync(new());
        await cut.ByRole("button", "Yes, cancel it").ClickAsync(new());

        Assert.Equal(MeetingPhase.Cancelled, meeting.State.Phase);
        cut.WaitForAssertion(() => Assert.False(cut.HasRole("list", "Past meetings")));
        Assert.Empty(await Groups.MeetingsAsync(meeting.Group.Id));
    }

    [Fact]
    public async Task WhileAMeetingWaitsToStart_ANewOneIsRefused_SayingWhichAndWhatToDo()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        var cut = Context.Render<GroupPage>(p => p.Add(c => c.Id, meeting.Group.Id));
        cut.WaitForAssertion(() => cut.ByRole("button", "New meeting"));

        await cut.ByRole("button", "New meeting").ClickAsync(new());
        await cut.ByRole("button", "Create meeting").ClickAsync(new());

        var alert = cut.FindAll(".new-meeting [role=alert]").Single();
        Assert.Equal("Meeting 1 is set up and has not started yet. Open it and start it, or cancel it, before setting up another.", Accessible.TextOf(alert));
        Assert.Single(await Groups.MeetingsAsync(meeting.Group.Id));
    }

    [Fact]
    public async Task OnTheConsole_BeforeTheStart_CancellingAsksOnce_ThenTheConsoleSaysSoCalmly()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        var cut = RenderPage<MeetingConsole>(meeting.Id.Value);

        await cut.ByRole("button", "Cancel this meeting").ClickAsync(new());
        await cut.ByRole("group", Question).ByRole("button", "Yes, cancel it").ClickAsync(new());

        Assert.Equal(MeetingPhase.Cancelled, meeting.State.Phase);
        cut.WaitForAssertion(() => Assert.Equal("This meeting was cancelled", Accessible.TextOf(cut.Find("h1"))));
        Assert.Equal($"/groups/{meeting.Group.Id}", cut.ByRole("link", "Back to Tuesday circle").GetAttribute("href"));
        Assert.False(cut.HasRole("button", "Start meeting"));
    }

    [Fact]
    public async Task OnceStarted_TheConsoleOffersNoCancel()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();

        var cut = RenderPage<MeetingConsole>(meeting.Id.Value);

        Assert.False(cut.HasRole("button", "Cancel this meeting"));
    }

    [Fact]
    public async Task TheOtherViewsOfACancelledMeeting_SaySoCalmly_WithNoControls()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        var display = RenderPage<RoomDisplay>(meeting.Id.Value);
        var follow = RenderPage<FollowView>(meeting.Id.Value);

        await meeting.DoAsync(new CancelMeeting(CommandId.New()));

        display.WaitForAssertion(() => Assert.Equal("This meeting was cancelled", Accessible.TextOf(display.Find("h1"))));
        Assert.Empty(display.AllByRole("button"));
        Assert.Empty(display.AllByRole("link"));
        follow.WaitForAssertion(() => Assert.Equal("This meeting was cancelled", Accessible.TextOf(follow.Find("h1"))));
        Assert.Empty(follow.AllByRole("button"));
    }
}
