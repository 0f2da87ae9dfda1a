using Bunit;
using FacilitatorKit.Engine;
using FacilitatorKit.Web.Components.Pages;
using FacilitatorKit.Web.Components.Tests.Support;

namespace FacilitatorKit.Web.Components.Tests.Shared;

/// <summary>Issue 11 §8: the closing item shows the proposed next chair and asks for the next meeting's date and place.</summary>
public class ClosingPanelTests : ComponentTest
{
    private const string Region = "Next chair and next meeting";

    /// <summary>Ana (chairing tonight) and Ben, both chair rota volunteers, in the closing item, on the console.</summary>
    private async Task<(TestMeeting Meeting, IRenderedComponent<MeetingConsole> Console)> AtTheClosingAsync()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();
        await meeting.GoToAsync("Closing");
        return (meeting, RenderPage<MeetingConsole>(meeting.Id.Value));
    }

    [Fact]
    public async Task DuringTheClosing_TheConsoleProposesTheNextChair_AndKeepsTheNextMeetingsDateAndPlace()
    {
        var (meeting, cut) = await AtTheClosingAsync(); // Ana chairs tonight

        var closing = cut.ByRole("region", Region);
        cut.WaitForAssertion(() => Assert.Contains("Proposed next chair: Ben", Accessible.TextOf(cut.ByRole("region", Region)), StringComparison.Ordinal));
        var date = closing.QuerySelector("input[type=date]")!; // a date field has no role the contract uses; its label names it
        Assert.Equal("Next meeting's date", Accessible.NameOf(date));
        await date.ChangeAsync(new() { Value = "2026-11-29" });
        await cut.ByRole("textbox", "Next meeting's place").InputAsync(new() { Value = " Library, room 2 " });
        await cut.ByRole("region", Region).QuerySelector("form")!.SubmitAsync();

        Assert.Equal(new NextMeeting(new DateOnly(2026, 11, 29), "Library, room 2"), meeting.State.NextMeeting);
        cut.WaitForAssertion(() => Assert.Equal("Next meeting: Sunday 29 November 2026, Library, room 2.", Accessible.TextOf(cut.Find(".next-meeting"))));
        Assert.Equal("status", Accessible.RoleOf(cut.Find(".next-meeting")));
    }

    [Fact]
    public async Task APlaceTooLong_IsSaidBesideTheField_AndWhatWasTypedIsKept()
    {
        var (meeting, cut) = await AtTheClosingAsync();
        var longPlace = new string('x', Limits.PlaceLength + 1);

        await cut.ByRole("textbox", "Next meeting's place").InputAsync(new() { Value = longPlace });
        await cut.ByRole("region", Region).QuerySelector("form")!.SubmitAsync();

        var place = cut.ByRole("textbox", "Next meeting's place");
        Assert.Equal(["The place can be at most 80 characters: a few words will do."], Accessible.DescribedBy(place).Select(e => Accessible.TextOf(e)));
        Assert.Equal(longPlace, place.GetAttribute("value"));
        Assert.Null(meeting.State.NextMeeting);
    }

    [Fact]
    public async Task BeforeTheClosing_TheConsoleDoesNotAskYet()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();
        await meeting.GoToAsync("Open discussion");

        var cut = RenderPage<MeetingConsole>(meeting.Id.Value);

        Assert.False(cut.HasRole("region", Region));
        Assert.False(cut.HasRole("textbox", "Next meeting's place"));
    }
}
