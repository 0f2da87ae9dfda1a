using Bunit;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Web.Components.Shared;
using FacilitatorKit.Web.Components.Tests.Support;

namespace FacilitatorKit.Web.Components.Tests.Shared;

public class FairnessPanelTests : ComponentTest
{
    /// <summary>In the open discussion, Cai has spoken for 2 minutes and Ben for 30 seconds; Ana has not spoken.</summary>
    private async Task<TestMeeting> SomeHaveSpokenAsync()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben", "Cai"]);
        await meeting.StartAsync();
        await meeting.GoToAsync("Open discussion");
        await meeting.RaiseAsync("Cai");
        await meeting.Wait(TimeSpan.Zero).NextSpeakerAsync();
        await meeting.Wait(TimeSpan.FromMinutes(2)).RaiseAsync("Ben");
        await meeting.NextSpeakerAsync();
        meeting.Wait(TimeSpan.FromSeconds(30));
        return meeting;
    }

    private IRenderedComponent<FairnessPanel> Render(TestMeeting meeting, Role role) =>
        Context.Render<FairnessPanel>(p => p.Add(c => c.View, ViewOf(meeting, role)));

    [Theory]
    [InlineData(Role.Facilitator)]
    [InlineData(Role.CoFacilitator)]
    public async Task FacilitatorRoles_SeeTheRegionAirtime_PeopleInSeatingOrder_NeverRanked(Role role)
    {
        var meeting = await SomeHaveSpokenAsync();

        var region = Render(meeting, role).ByRole("region", "Airtime");

        var rows = region.QuerySelectorAll("tbody tr");
        Assert.Equal(["Ana", "Ben", "Cai"], rows.Select(r => r.QuerySelector("th")!.TextContent));
        Assert.Equal(["0:00", "0:30", "2:00"], rows.Select(r => r.QuerySelectorAll("td")[0].TextContent));
        Assert.Contains("Not spoken yet: Ana", Accessible.TextOf(region), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Role.Display)]
    [InlineData(Role.Member)]
    public async Task OtherRoles_SeeNoAirtimeAtAll(Role role)
    {
        var meeting = await SomeHaveSpokenAsync();

        var cut = Render(meeting, role);

        Assert.False(cut.HasRole("region", "Airtime"));
        Assert.Equal("", cut.Markup.Trim());
    }

    [Fact]
    public async Task ANudge_IsAboutBalance_NamingThePerson()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben", "Cai"]);
        await meeting.StartAsync();
        await meeting.GoToAsync("Open discussion");
        foreach (var (name, seconds) in new[] { ("Ben", 360), ("Ana", 30), ("Cai", 30) })
        {
            await meeting.RaiseAsync(name);
            await meeting.NextSpeakerAsync();
            meeting.Wait(TimeSpan.FromSeconds(seconds));
        }

        var nudge = Assert.Single(Render(meeting, Role.Facilitator).FindAll(".nudge"));

        Assert.StartsWith("Ben has had about 2.6 times a fair share of the time so far.", nudge.TextContent, StringComparison.Ordinal);
    }
}
