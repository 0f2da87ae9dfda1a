using Bunit;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Web.Components.Shared;
using FacilitatorKit.Web.Components.Tests.Support;

namespace FacilitatorKit.Web.Components.Tests.Shared;

public class SpeakerPanelTests : ComponentTest
{
    private IRenderedComponent<SpeakerPanel> Render(TestMeeting meeting, bool controls = true) =>
        Context.Render<SpeakerPanel>(p => p
            .Add(c => c.View, ViewOf(meeting))
            .Add(c => c.Send, SendAs(meeting))
            .Add(c => c.Controls, controls));

    /// <summary>Ben speaking in the open discussion (raise hand, 3 minutes each).</summary>
    private async Task<TestMeeting> BenSpeaksAsync()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben", "Cai"]);
        await meeting.StartAsync();
        await meeting.GoToAsync("Open discussion");
        await meeting.RaiseAsync("Ben");
        return await meeting.NextSpeakerAsync();
    }

    [Fact]
    public async Task CurrentSpeaker_IsARegion_WithTheNameTheTimerAndTheTurnControls()
    {
        var meeting = await BenSpeaksAsync();

        var region = Render(meeting).ByRole("region", "Current speaker");

        Assert.Equal("Ben", region.QuerySelector(".speaker-name")!.TextContent.Trim());
        Assert.Equal("3:00", Accessible.TextOf(Assert.Single(region.AllByRole("timer"))));
        Assert.Equal(["Pause", "Add a minute", "End turn", "Pass"], region.AllByRole("button").Select(Accessible.NameOf));
    }

    [Fact]
    public async Task NobodySpeaking_SaysSo_WithNothingToPress()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();

        var region = Render(meeting).ByRole("region", "Current speaker");

        Assert.Equal("Nobody is speaking.", Accessible.TextOf(region));
        Assert.Empty(region.AllByRole("button"));
        Assert.Empty(region.AllByRole("timer"));
    }

    [Fact]
    public async Task WithControlsOff_ItRendersNoButton_ButStillTheSpeakerAndTimer()
    {
        var meeting = await BenSpeaksAsync();

        var cut = Render(meeting, controls: false);

        Assert.Empty(cut.AllByRole("button"));
        Assert.Contains("Ben", Accessible.TextOf(cut.ByRole("region", "Current speaker")), StringComparison.Ordinal);
        Assert.Single(cut.AllByRole("timer"));
    }

    [Fact]
    public async Task Pause_PausesTheTurn_AndAPausedTurnOffersResume()
    {
        var meeting = await BenSpeaksAsync();

        await Render(meeting).ByRole("button", "Pause").PressAsync();

        Assert.Equal(TurnStatus.Paused, meeting.State.CurrentTurn?.Status);
        var paused = Render(meeting);
        paused.ByRole("button", "Resume");
        Assert.False(paused.HasRole("button", "Pause"));
        Assert.Equal("Paused", paused.Find(".countdown-state").TextContent);
    }

    [Fact]
    public async Task Resume_RestartsThePausedTurn()
    {
        var meeting = await (await BenSpeaksAsync()).PauseAsync();

        await Render(meeting).ByRole("button", "Resume").PressAsync();

        Assert.Equal(TurnStatus.Speaking, meeting.State.CurrentTurn?.Status);
    }

    [Fact]
    public async Task AddAMinute_ExtendsTheTurn()
    {
        var meeting = await BenSpeaksAsync();

        await Render(meeting).ByRole("button", "Add a minute").PressAsync();

        Assert.Equal(TimeSpan.FromMinutes(4), meeting.State.CurrentTurn?.Limit);
    }

    [Theory]
    [InlineData("End turn")]
    [InlineData("Pass")]
    public async Task EndTurnAndPass_EndTheTurn(string button)
    {
        var meeting = await BenSpeaksAsync();
        Clock.Advance(TimeSpan.FromSeconds(5));

        await Render(meeting).ByRole("button", button).PressAsync();

        Assert.Null(meeting.State.CurrentTurn);
    }

    [Fact]
    public async Task EndTurn_PressedOnAScreenThatShowedTheTurnBefore_EndsNothing()
    {
        var meeting = await BenSpeaksAsync();
        await meeting.RaiseAsync("Cai");
        Clock.Advance(TimeSpan.FromSeconds(40));
        var screen = Render(meeting); // this device shows Ben's turn
        await meeting.NextSpeakerAsync(); // another device moves on to Cai meanwhile
        Clock.Advance(TimeSpan.FromSeconds(3));

        await screen.ByRole("button", "End turn").PressAsync();

        Assert.Equal("Cai", meeting.State.NameOf(meeting.State.CurrentTurn!.Participant));
    }

    [Fact]
    public async Task InAGoRound_PassForNowIsOffered_AndMovesThePersonToTheEndOfTheRound()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben", "Cai"]);
        await meeting.StartAsync();
        await meeting.GoToAsync("Check-in");
        await meeting.NextSpeakerAsync();
        var first = meeting.State.CurrentTurn!.Participant;

        await Render(meeting).ByRole("button", "Pass for now").PressAsync();

        Assert.Null(meeting.State.CurrentTurn);
        Assert.Equal(first, meeting.State.SpeakerOrder(Clock.GetUtcNow())[^1].Participant);
    }

    [Fact]
    public async Task ATurnWithoutALimit_SaysSo_AndHasNoTimerAndNoAddAMinute()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync(); // Welcome: no turn limit
        await meeting.RaiseAsync("Ben");
        await meeting.NextSpeakerAsync();

        var cut = Render(meeting);

        Assert.Contains("No time limit for this turn.", Accessible.TextOf(cut.ByRole("region", "Current speaker")), StringComparison.Ordinal);
        Assert.Empty(cut.AllByRole("timer"));
        Assert.False(cut.HasRole("button", "Add a minute"));
    }

    [Fact]
    public async Task APointOfProcess_IsTaggedAsSuch()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();
        await meeting.DoAsync(new RaisePointOfProcess(CommandId.New(), meeting["Ben"]));
        await meeting.NextSpeakerAsync();

        Assert.Equal("point of process", Render(meeting).Find(".speaker-name .tag").TextContent);
    }
}
