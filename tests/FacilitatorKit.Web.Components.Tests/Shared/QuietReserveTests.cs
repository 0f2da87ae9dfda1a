using Bunit;
using FacilitatorKit.Web.Components.Pages;
using FacilitatorKit.Web.Components.Shared;
using FacilitatorKit.Web.Components.Tests.Support;

namespace FacilitatorKit.Web.Components.Tests.Shared;

/// <summary>
/// Issue 11, B2: in the last 10 minutes of Sharing (the Peer support circle keeps them for people who have not shared
/// yet) Next speaker was refused with "or open the time to everyone", but no control did that, nothing showed the
/// reserve was on, and the display still said "Next: Ben".
/// </summary>
public class QuietReserveTests : ComponentTest
{
    /// <summary>Sharing: Ben has shared, and raised his hand again; nobody else is waiting.</summary>
    private async Task<TestMeeting> BenSharedAndWaitsAgainAsync()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben", "Cai"], format: "Peer support circle");
        await meeting.StartAsync();
        await meeting.GoToAsync("Sharing");
        await meeting.RaiseAsync("Ben");
        await meeting.NextSpeakerAsync();
        meeting.Wait(TimeSpan.FromMinutes(3));
        await meeting.NextSpeakerAsync(); // ends Ben's turn: nobody else waits
        return await meeting.RaiseAsync("Ben");
    }

    private IRenderedComponent<CurrentItemPanel> Panel(TestMeeting meeting) =>
        Context.Render<CurrentItemPanel>(p => p.Add(c => c.View, ViewOf(meeting)).Add(c => c.Send, SendAs(meeting)));

    [Fact]
    public async Task BeforeTheReserve_TheItemSaysWhenItBegins_AndCanOpenItToEveryoneAlready()
    {
        var meeting = await BenSharedAndWaitsAgainAsync();

        var status = Panel(meeting).ByRole("region", "Current item").AllByRole("status").Single();

        var from = meeting.State.CurrentItem!.EndsAt!.Value - TimeSpan.FromMinutes(10);
        Assert.Equal($"From {from:HH:mm}, the last 10 minutes are kept for people who have not shared yet.", Accessible.TextOf(status.QuerySelector("p")!));
        status.ByRole("button", "Open to everyone");
    }

    [Fact]
    public async Task InTheReserve_EveryViewSaysSo_AndTheDisplaysNextFollowsIt()
    {
        var meeting = await BenSharedAndWaitsAgainAsync();
        meeting.Wait(TimeSpan.FromMinutes(28)); // 31 of 40 minutes gone

        var panel = Panel(meeting);
        Assert.Equal("The last 10 minutes are kept for people who have not shared yet.", Accessible.TextOf(panel.Find(".reserve.is-on p")));

        var display = RenderPage<RoomDisplay>(meeting.Id.Value);
        Assert.Equal("The last 10 minutes are kept for people who have not shared yet.", Accessible.TextOf(display.Find(".display-reserve")));
        Assert.DoesNotContain("Next: Ben", display.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenToEveryone_EndsTheReserve_AndNextSpeakerGivesBenTheTurn()
    {
        var meeting = await BenSharedAndWaitsAgainAsync();
        meeting.Wait(TimeSpan.FromMinutes(28));

        await Panel(meeting).ByRole("button", "Open to everyone").ClickAsync(new());

        Assert.True(meeting.State.CurrentItem!.QuietReserveReleased);
        Assert.Empty(Panel(meeting).FindAll(".reserve"));
        Assert.Contains("Next: Ben", RenderPage<RoomDisplay>(meeting.Id.Value).Markup, StringComparison.Ordinal);
        await meeting.NextSpeakerAsync();
        Assert.Equal(meeting["Ben"], meeting.State.CurrentTurn?.Participant);
    }
}
