using Bunit;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Web.Components.Shared;
using FacilitatorKit.Web.Components.Tests.Support;

namespace FacilitatorKit.Web.Components.Tests.Shared;

public class QueuePanelTests : ComponentTest
{
    private IRenderedComponent<QueuePanel> Render(TestMeeting meeting) =>
        Context.Render<QueuePanel>(p => p.Add(c => c.View, ViewOf(meeting)).Add(c => c.Send, SendAs(meeting)));

    private async Task<TestMeeting> OpenDiscussionAsync(params string[] names)
    {
        var meeting = await NewMeetingAsync(names);
        await meeting.StartAsync();
        return await meeting.GoToAsync("Open discussion");
    }

    [Fact]
    public async Task EveryonePresent_HasAHandInSeatingOrder_PressedWhileWaiting_NotWhileSpeaking()
    {
        var meeting = await OpenDiscussionAsync("Ana", "Ben", "Cai", "Dee");
        await meeting.RaiseAsync("Ben");
        await meeting.NextSpeakerAsync();
        await meeting.RaiseAsync("Cai");
        await meeting.DoAsync(new MarkParticipantLeft(CommandId.New(), meeting["Dee"]));

        var cut = Render(meeting);

        var hands = cut.ByRole("group", "Hands").AllByRole("button");
        Assert.Equal(["Raise hand for Ana", "Raise hand for Ben", "Raise hand for Cai"], hands.Select(Accessible.NameOf));
        Assert.Equal(["false", "false", "true"], hands.Select(h => h.GetAttribute("aria-pressed")));
        Assert.Equal([false, true, false], hands.Select(h => h.HasAttribute("disabled")));
        cut.ByRole("button", "Next speaker");
    }

    [Fact]
    public async Task AHandShownUp_IsLoweredByAPress_InTheSamePlace()
    {
        var meeting = await OpenDiscussionAsync("Ana", "Ben", "Cai");
        await meeting.RaiseAsync("Ben");
        var cut = Render(meeting);

        await cut.ByRole("button", "Raise hand for Ben").PressAsync();

        Assert.Empty(meeting.State.Queue);
        var hands = Render(meeting).ByRole("group", "Hands").AllByRole("button");
        Assert.Equal(["Raise hand for Ana", "Raise hand for Ben", "Raise hand for Cai"], hands.Select(Accessible.NameOf));
        Assert.All(hands, h => Assert.Equal("false", h.GetAttribute("aria-pressed")));
    }

    [Fact]
    public async Task ADoubleTapOnAHand_RaisesIt_AndTheSecondTapDoesNotLowerIt()
    {
        var meeting = await OpenDiscussionAsync("Ana", "Ben", "Cai");
        var cut = Render(meeting);

        await cut.ByRole("button", "Raise hand for Ben").PressAsync(clickCount: 1);
        await Render(meeting).ByRole("button", "Raise hand for Ben").PressAsync(clickCount: 2); // the screen shows it up by now

        Assert.Equal([meeting["Ben"]], meeting.State.Queue.Select(e => e.Participant));
    }

    [Fact]
    public async Task APressOnAHandShownDown_RaisesIt_EvenIfAnotherDeviceRaisedItMeanwhile()
    {
        var meeting = await OpenDiscussionAsync("Ana", "Ben", "Cai");
        var screen = Render(meeting); // Ben's hand shown down here
        await meeting.RaiseAsync("Ben"); // the tablet raised it a moment ago

        await screen.ByRole("button", "Raise hand for Ben").PressAsync();

        Assert.Equal([meeting["Ben"]], meeting.State.Queue.Select(e => e.Participant)); // still up: not lowered by a press on an older screen
    }

    [Fact]
    public async Task TheQueue_IsTheListSpeakerQueue_EachWithTheWayOut()
    {
        var meeting = await OpenDiscussionAsync("Ana", "Ben", "Cai");
        await meeting.RaiseAsync("Ben");
        await meeting.DoAsync(new RaisePointOfProcess(CommandId.New(), meeting["Cai"]));

        var queue = Render(meeting).ByRole("list", "Speaker queue");

        var rows = queue.AllByRole("listitem").Select(i => (
            i.QuerySelector(".name")!.TextContent,
            i.QuerySelector(".tag")?.TextContent,
            Accessible.NameOf(Assert.Single(i.AllByRole("button")))));
        Assert.Equal([("Cai", "point of process", "Remove Cai from the queue"), ("Ben", null, "Lower hand for Ben")], rows);
    }

    [Fact]
    public async Task InAGoRound_PeopleAreTakenOutOfTheRound()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben", "Cai"]);
        await meeting.StartAsync();
        await meeting.GoToAsync("Check-in");
        await meeting.NextSpeakerAsync(); // the round starts after the chair

        var queue = Render(meeting).ByRole("list", "Speaker queue");

        Assert.Equal(["Take Cai out of this round", "Take Ana out of this round"], queue.AllByRole("button").Select(Accessible.NameOf));
    }

    [Fact]
    public async Task RaiseHand_QueuesThePersonInTheMeeting()
    {
        var meeting = await OpenDiscussionAsync("Ana", "Ben", "Cai");

        await Render(meeting).ByRole("button", "Raise hand for Ben").PressAsync();

        Assert.Equal([meeting["Ben"]], meeting.State.Queue.Select(e => e.Participant));
        Render(meeting).ByRole("list", "Speaker queue").ByRole("button", "Lower hand for Ben");
    }

    [Fact]
    public async Task LowerHand_TakesThePersonOutOfTheQueue()
    {
        var meeting = await OpenDiscussionAsync("Ana", "Ben");
        await meeting.RaiseAsync("Ben");

        await Render(meeting).ByRole("button", "Lower hand for Ben").PressAsync();

        Assert.Empty(meeting.State.Queue);
    }

    [Fact]
    public async Task NextSpeaker_StartsTheTurnOfTheFirstInTheQueue()
    {
        var meeting = await OpenDiscussionAsync("Ana", "Ben", "Cai");
        await meeting.RaiseAsync("Cai");
        await meeting.RaiseAsync("Ben");

        await Render(meeting).ByRole("button", "Next speaker").PressAsync();

        Assert.Equal(meeting["Cai"], meeting.State.CurrentTurn?.Participant);
    }

    [Fact]
    public async Task APointOfProcess_GoesToTheFrontOfTheQueue()
    {
        var meeting = await OpenDiscussionAsync("Ana", "Ben", "Cai");
        await meeting.RaiseAsync("Ben");
        var cut = Render(meeting);
        Assert.True(cut.ByRole("button", "Put at the front of the queue").HasAttribute("disabled"));

        await cut.ByRole("combobox", "Point of process or safety concern from").ChangeAsync(new() { Value = meeting["Cai"].Value.ToString() });
        await cut.ByRole("button", "Put at the front of the queue").ClickAsync(new());

        var first = meeting.State.SpeakerOrder(Clock.GetUtcNow())[0];
        Assert.Equal((meeting["Cai"], QueueEntryKind.PointOfProcess), (first.Participant, first.Kind));
    }

    [Fact]
    public async Task WithNoItemUnderWay_NobodyIsQueued()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);

        var cut = Render(meeting);

        Assert.Empty(cut.ByRole("list", "Speaker queue").AllByRole("listitem"));
        Assert.Contains("Nobody is waiting.", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.AllByRole("button"));
    }

    /// <summary>Ben has just been given the turn in the open discussion.</summary>
    private static async Task<TestMeeting> BenSpeaksAsync(QueuePanelTests test)
    {
        var meeting = await test.OpenDiscussionAsync("Ana", "Ben", "Cai");
        await meeting.RaiseAsync("Ben");
        return await meeting.NextSpeakerAsync();
    }

    [Fact]
    public async Task TheChangeOfSpeaker_CanBeUndoneFor30Seconds_SayingWhatItDoes()
    {
        var meeting = await BenSpeaksAsync(this);
        Clock.Advance(TimeSpan.FromSeconds(10));
        var cut = Render(meeting);

        var undo = cut.ByRole("button", "Undo change of speaker");
        Assert.Equal("Ben waits again", cut.Find("#" + undo.GetAttribute("aria-describedby")).TextContent);
        await undo.PressAsync();

        Assert.Null(meeting.State.CurrentTurn);
        Assert.Equal(meeting["Ben"], meeting.State.SpeakerOrder(Clock.GetUtcNow())[0].Participant);
    }

    [Fact]
    public async Task After30Seconds_ThereIsNoUndo()
    {
        var meeting = await BenSpeaksAsync(this);
        Clock.Advance(TimeSpan.FromSeconds(31));

        Assert.False(Render(meeting).HasRole("button", "Undo change of speaker"));
    }

    [Fact]
    public async Task InTheBalancedOrder_EachPlaceSaysWhy()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben", "Cai", "Dee"], format: "Peer support circle");
        await meeting.StartAsync();
        await meeting.GoToAsync("Sharing");
        foreach (var (name, minutes) in new[] { ("Cai", 2), ("Ben", 1) })
        {
            await meeting.RaiseAsync(name);
            await meeting.NextSpeakerAsync();
            meeting.Wait(TimeSpan.FromMinutes(minutes));
            await meeting.DoAsync(new EndTurn(CommandId.New(), meeting.State.CurrentTurn!.Id));
        }

        await meeting.RaiseAsync("Cai");
        await meeting.RaiseAsync("Ben");
        await meeting.RaiseAsync("Ana");

        var rows = Render(meeting).ByRole("list", "Speaker queue").AllByRole("listitem");
        Assert.Equal(["Ana", "Ben", "Cai"], rows.Select(r => r.QuerySelector(".name")!.TextContent));
        Assert.Equal(["not spoken yet", "less time so far", null], rows.Select(r => r.QuerySelector(".mud-chip")?.TextContent.Trim()));
    }
}
