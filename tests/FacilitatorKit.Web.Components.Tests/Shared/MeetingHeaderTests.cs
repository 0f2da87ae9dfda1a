using Bunit;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Web.Components.Shared;
using FacilitatorKit.Web.Components.Tests.Support;

namespace FacilitatorKit.Web.Components.Tests.Shared;

public class MeetingHeaderTests : ComponentTest
{
    private IRenderedComponent<MeetingHeader> Render(TestMeeting meeting) =>
        Context.Render<MeetingHeader>(p => p
            .Add(c => c.View, ViewOf(meeting))
            .AddChildContent("Chair of the day: <strong>Ana</strong>"));

    [Fact]
    public async Task Header_NamesTheFormat_AndCarriesThePagesLinks()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);

        var cut = Render(meeting);

        Assert.Equal("Short check-in", Accessible.TextOf(Assert.Single(cut.AllByRole("heading"))));
        Assert.Equal("h1", cut.AllByRole("heading")[0].LocalName);
        Assert.Equal("Chair of the day: Ana", Accessible.TextOf(cut.Find(".meeting-links")));
        Assert.Empty(cut.AllByRole("status"));
    }

    [Fact]
    public async Task ABreakRequest_IsSaidDiscreetly_AsAStatus()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();
        await meeting.DoAsync(new SignalBreak(CommandId.New(), meeting["Ben"]));

        var status = Assert.Single(Render(meeting).AllByRole("status"));

        Assert.Equal("Asked for a break: Ben", Accessible.TextOf(status));
    }
}
