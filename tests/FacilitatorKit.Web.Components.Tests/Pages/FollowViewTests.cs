using Bunit;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Web.Components.Pages;
using FacilitatorKit.Web.Components.Tests.Support;

namespace FacilitatorKit.Web.Components.Tests.Pages;

/// <summary>The co-facilitator view, "/meetings/{id}/follow": the live meeting and what a co-facilitator may do.</summary>
public class FollowViewTests : ComponentTest
{
    private async Task<TestMeeting> BenSpeaksAsync()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben", "Cai"]);
        await meeting.StartAsync();
        await meeting.GoToAsync("Open discussion");
        await meeting.RaiseAsync("Ben");
        return await meeting.NextSpeakerAsync();
    }

    [Fact]
    public async Task FollowView_HasNoEndMeeting_AndNoHandOverTheChair()
    {
        var meeting = await BenSpeaksAsync();

        var cut = RenderPage<FollowView>(meeting.Id.Value);

        Assert.False(cut.HasRole("button", "End meeting"));
        Assert.False(cut.HasRole("button", "Hand over the chair"));
        Assert.False(cut.HasRole("combobox", "Hand the chair to"));
        Assert.False(cut.HasRole("button", "Start meeting"));
    }

    [Fact]
    public async Task FollowView_RendersWhatACoFacilitatorUses()
    {
        var meeting = await BenSpeaksAsync();

        var cut = RenderPage<FollowView>(meeting.Id.Value);

        cut.ByRole("region", "Current speaker").ByRole("button", "Pause");
        Assert.Single(cut.AllByRole("timer"));
        cut.ByRole("region", "Current item").ByRole("button", "Next item");
        cut.ByRole("combobox", "Turn order");
        cut.ByRole("list", "Speaker queue");
        cut.ByRole("button", "Next speaker");
        cut.ByRole("button", "Raise hand for Cai");
        cut.ByRole("region", "Airtime");
        cut.ByRole("textbox", "Notes");
        cut.ByRole("list", "Agenda");
        cut.ByRole("textbox", "Participant name");
        Assert.Equal($"/meetings/{meeting.Id.Value}", cut.ByRole("link", "Facilitator console").GetAttribute("href"));
        Assert.Contains("Co-facilitator view", Accessible.TextOf(cut.Find(".meeting-links")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowView_ActsAsACoFacilitator_WhosePressesCount()
    {
        var meeting = await BenSpeaksAsync();
        Clock.Advance(TimeSpan.FromSeconds(30));
        var cut = RenderPage<FollowView>(meeting.Id.Value);

        await cut.ByRole("button", "Raise hand for Cai").PressAsync();
        await cut.ByRole("button", "Next speaker").PressAsync();

        Assert.Equal(Actor.CoFacilitator, Device.Actor);
        Assert.Equal(meeting["Cai"], meeting.State.CurrentTurn?.Participant);
        cut.WaitForAssertion(() => Assert.Equal("Cai", cut.Find(".speaker-name").TextContent.Trim()));
    }

    /// <summary>Issue 12 §4: the log records who pressed, by role and device, never by name.</summary>
    [Fact]
    public async Task APressOnTheTablet_IsStoredWithTheCoFacilitatorRoleAndThisDevice()
    {
        var meeting = await BenSpeaksAsync();
        var cut = RenderPage<FollowView>(meeting.Id.Value);

        await cut.ByRole("button", "Raise hand for Cai").PressAsync();

        using var connection = Database.Open();
        using var query = connection.CreateCommand();
        query.CommandText = """SELECT "ActorRole", "DeviceId" FROM "MeetingEvents" WHERE "MeetingId" = $meeting ORDER BY "Sequence" DESC LIMIT 1;""";
        query.Parameters.AddWithValue("$meeting", meeting.Id.Value.ToString().ToUpperInvariant());
        using var row = query.ExecuteReader();
        Assert.True(row.Read());
        Assert.Equal(("CoFacilitator", Device.Device), (row.GetString(0), (Guid?)Guid.Parse(row.GetString(1))));
    }

    [Fact]
    public async Task BeforeTheStart_TheCoFacilitatorWaitsForTheFacilitator()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);

        var cut = RenderPage<FollowView>(meeting.Id.Value);

        Assert.Contains("The meeting has not started yet. The facilitator starts it.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenTheFacilitatorEndsTheMeeting_TheViewSaysSo()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();
        var cut = RenderPage<FollowView>(meeting.Id.Value);

        await meeting.EndAsync();

        cut.WaitForAssertion(() => Assert.Equal("This meeting has ended.", cut.Find(".ended").TextContent));
        Assert.Equal(MeetingPhase.Ended, meeting.State.Phase);
    }

    [Theory]
    [InlineData("follow")]
    [InlineData("console")]
    [InlineData("display")]
    public async Task EveryMeetingView_StartsTheScriptThatDrawsItsCountdowns(string view)
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();

        _ = view switch
        {
            "follow" => (object)RenderPage<FollowView>(meeting.Id.Value),
            "console" => RenderPage<MeetingConsole>(meeting.Id.Value),
            _ => RenderPage<RoomDisplay>(meeting.Id.Value),
        };

        Assert.Contains(Context.JSInterop.Invocations, i => i.Identifier == "import" && i.Arguments is ["./js/countdown.js", ..]);
        Assert.Contains(Context.JSInterop.Invocations, i => i.Identifier == "start");
    }
}
