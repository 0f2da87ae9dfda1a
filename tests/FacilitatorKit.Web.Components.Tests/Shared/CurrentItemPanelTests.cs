using Bunit;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Web.Components.Shared;
using FacilitatorKit.Web.Components.Tests.Support;
using FacilitatorKit.Web.ViewModels;

namespace FacilitatorKit.Web.Components.Tests.Shared;

public class CurrentItemPanelTests : ComponentTest
{
    private async Task<(TestMeeting Meeting, IRenderedComponent<CurrentItemPanel> Cut)> RenderAsync(Func<TestMeeting, Task>? drive = null, bool busy = false)
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben", "Cai"]);
        if (drive is not null)
        {
            await drive(meeting);
        }

        var cut = Context.Render<CurrentItemPanel>(p => p
            .Add(c => c.View, ViewOf(meeting))
            .Add(c => c.Send, SendAs(meeting))
            .Add(c => c.Busy, busy));
        return (meeting, cut);
    }

    [Fact]
    public async Task CurrentItem_IsARegion_WithItsTitle_ItsTurnOrder_AndNextItem()
    {
        var (_, cut) = await RenderAsync(m => m.StartAsync());

        var region = cut.ByRole("region", "Current item");
        Assert.Equal("Welcome", Accessible.TextOf(Assert.Single(region.AllByRole("heading"))));
        var turnOrder = region.ByRole("combobox", "Turn order");
        Assert.Equal(["Raise hand", "Go-round", "Balanced"], turnOrder.QuerySelectorAll("option").Select(o => o.TextContent));
        Assert.Equal(nameof(TurnPolicy.RaiseHand), turnOrder.GetAttribute("value"));
        Assert.Equal( // the fixed options say what MeetingView.TurnOrderName says, for every policy, by its value
            Enum.GetValues<TurnPolicy>().Select(p => (p.ToString(), MeetingView.TurnOrderName(p))),
            turnOrder.QuerySelectorAll("option").Select(o => (o.GetAttribute("value")!, o.TextContent)));
        region.ByRole("button", "Next item");
        region.ByRole("button", "Add 5 minutes to this item");
    }

    [Fact]
    public async Task TheItemsTimeBox_IsShownButIsNotTheTimer()
    {
        var (_, cut) = await RenderAsync(m => m.StartAsync());

        Assert.Equal("3:00", cut.Find(".item-time .countdown-time").TextContent);
        Assert.Empty(cut.AllByRole("timer")); // the timer is the speaker's countdown
    }

    [Fact]
    public async Task NextItem_MovesTheMeetingOn()
    {
        var (meeting, cut) = await RenderAsync(m => m.StartAsync());

        await cut.ByRole("button", "Next item").ClickAsync(new());

        Assert.Equal("Check-in", meeting.State.CurrentItem?.Title);
    }

    [Fact]
    public async Task ChoosingATurnOrder_ChangesTheCurrentItemsPolicy()
    {
        var (meeting, cut) = await RenderAsync(m => m.StartAsync());

        await cut.ByRole("combobox", "Turn order").ChangeAsync(new() { Value = nameof(TurnPolicy.Balanced) });

        Assert.Equal(TurnPolicy.Balanced, meeting.State.CurrentItem?.TurnPolicy);
    }

    [Fact]
    public async Task AddFiveMinutes_ExtendsTheCurrentItem()
    {
        var (meeting, cut) = await RenderAsync(m => m.StartAsync());

        await cut.ByRole("button", "Add 5 minutes to this item").ClickAsync(new());

        Assert.Equal(TimeSpan.FromMinutes(8), meeting.State.CurrentItem?.PlannedTime);
    }

    [Fact]
    public async Task BeforeTheStart_ThereIsNoItemToRun()
    {
        var (meeting, cut) = await RenderAsync();

        Assert.Equal(MeetingPhase.Gathering, meeting.State.Phase);
        var region = cut.ByRole("region", "Current item");
        Assert.Empty(region.AllByRole("combobox"));
        Assert.Empty(region.AllByRole("button"));
    }

    [Fact]
    public async Task OnceEnded_AllItemsAreDone_AndNothingIsLeftToPress()
    {
        var (_, cut) = await RenderAsync(async m => await (await m.StartAsync()).EndAsync());

        var region = cut.ByRole("region", "Current item");
        Assert.Equal("All items are done.", Accessible.TextOf(region));
        Assert.Empty(region.AllByRole("button"));
    }

    [Fact]
    public async Task WhileASaveIsSlow_TheControlsAreUnavailable()
    {
        var (_, cut) = await RenderAsync(m => m.StartAsync(), busy: true);

        Assert.All(cut.AllByRole("button"), b => Assert.True(b.HasAttribute("disabled"), Accessible.NameOf(b)));
        Assert.True(cut.ByRole("combobox", "Turn order").HasAttribute("disabled"));
    }

    [Fact]
    public async Task NextItem_WithPeopleStillWaiting_AsksOnceInPlace_AndYesMovesOn()
    {
        var (meeting, cut) = await RenderAsync(async m =>
        {
            await m.StartAsync();
            await m.GoToAsync("Open discussion");
            await m.RaiseAsync("Ana");
            await m.RaiseAsync("Cai");
        });
        var item = meeting.State.CurrentItemId;

        await cut.ByRole("button", "Next item").ClickAsync(new());

        Assert.Equal(item, meeting.State.CurrentItemId);
        var question = cut.ByRole("group", "2 people are still waiting to speak: move on?");
        await question.ByRole("button", "Yes, move on").ClickAsync(new());
        Assert.NotEqual(item, meeting.State.CurrentItemId);
    }

    [Fact]
    public async Task NextItem_WithPeopleStillWaiting_NotYet_StaysOnTheItem()
    {
        var (meeting, cut) = await RenderAsync(async m =>
        {
            await m.StartAsync();
            await m.GoToAsync("Open discussion");
            await m.RaiseAsync("Ben");
        });
        var item = meeting.State.CurrentItemId;

        await cut.ByRole("button", "Next item").ClickAsync(new());
        await cut.ByRole("group", "Ben is still waiting to speak: move on?").ByRole("button", "Not yet").ClickAsync(new());

        Assert.False(cut.HasRole("group"));
        Assert.Equal(item, meeting.State.CurrentItemId);
    }

    [Fact]
    public async Task NextItem_WithNobodyWaiting_MovesOnAtOnce()
    {
        var (meeting, cut) = await RenderAsync(m => m.StartAsync());
        var item = meeting.State.CurrentItemId;

        await cut.ByRole("button", "Next item").ClickAsync(new());

        Assert.NotEqual(item, meeting.State.CurrentItemId);
    }

    [Fact]
    public async Task AGoRound_CanStartAtAChosenPerson_BeforeAnyoneHasSpokenInIt()
    {
        var (meeting, cut) = await RenderAsync(async m =>
        {
            await m.StartAsync();
            await m.GoToAsync("Check-in"); // a go-round, after the chair (Ana): Ben, Cai, Ana
        });

        await cut.ByRole("combobox", "Start the round at").ChangeAsync(new() { Value = meeting["Cai"].Value.ToString() });
        await cut.ByRole("button", "Start the round here").ClickAsync(new());

        Assert.Equal(["Cai", "Ana", "Ben"], meeting.State.SpeakerOrder(Clock.GetUtcNow()).Select(e => meeting.State.NameOf(e.Participant)));
    }

    [Fact]
    public async Task OnceSomeoneHasSpokenInTheRound_ItCannotBeStartedElsewhere()
    {
        var (_, cut) = await RenderAsync(async m =>
        {
            await m.StartAsync();
            await m.GoToAsync("Check-in");
            await m.NextSpeakerAsync();
            m.Wait(TimeSpan.FromSeconds(30));
            await m.DoAsync(new EndTurn(CommandId.New(), m.State.CurrentTurn!.Id));
        });

        Assert.False(cut.HasRole("button", "Start the round here"));
    }
}
