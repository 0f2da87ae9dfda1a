using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Tests.Support;
using static FacilitatorKit.Engine.Tests.Agenda.TestAgendas;

namespace FacilitatorKit.Engine.Tests.Agenda;

public class NextItemTests
{
    [Fact]
    public void NextItem_ClosesCurrentAndStartsNext_WithEndFromItsOwnStart()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        m.WaitMinutes(7); // the welcome ran two minutes over

        m.When(m.NextItem()).ThenEvents(
            new AgendaItemEnded(Welcome, At(7)),
            new AgendaItemStarted(Sharing, At(7), At(47)));

        Assert.Equal(Sharing, m.State.CurrentItemId);
        Assert.Equal(AgendaItemStatus.Done, m.State.FindItem(Welcome)!.Status);
    }

    [Fact]
    public void NextItem_WhileSomeoneIsSpeaking_IsRefusedAndTheTurnGoesOn()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        m.Given(m.RaiseHand("Ben")).NextSpeakerIs("Ben");
        var turn = m.State.CurrentTurn;

        m.When(m.NextItem()).ThenRefused(RefusalCode.NotNow);

        Assert.Equal(Welcome, m.State.CurrentItemId);
        Assert.Equal(turn, m.State.CurrentTurn);
    }

    [Fact]
    public void NextItem_PassesSkippedItemsBy()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        m.Given(new SkipAgendaItem(MeetingScenario.NewId(), Sharing) { Actor = m.Facilitator });
        m.WaitMinutes(5);

        m.When(m.NextItem()).ThenEvents(
            new AgendaItemEnded(Welcome, At(5)),
            new AgendaItemStarted(Closing, At(5), At(15)));

        Assert.Equal(AgendaItemStatus.Skipped, m.State.FindItem(Sharing)!.Status);
    }

    [Fact]
    public void NextItem_OnTheLastItem_ClosesItAndLeavesNothingCurrent()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        m.Given(m.NextItem()).Given(m.NextItem());
        m.WaitMinutes(10);

        m.When(m.NextItem()).ThenEvents(new AgendaItemEnded(Closing, At(10)));

        Assert.Null(m.State.CurrentItemId);
        Assert.Equal(MeetingPhase.Running, m.State.Phase);
        Assert.All(m.State.Agenda, i => Assert.Equal(AgendaItemStatus.Done, i.Status));
    }

    [Fact]
    public void NextItem_WhenNoItemsAreLeft_IsRefused()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        m.Given(m.NextItem()).Given(m.NextItem()).Given(m.NextItem());

        m.When(m.NextItem()).ThenRefused(RefusalCode.NotNow);
    }

    [Fact]
    public void NextItem_AfterLastItem_StartsAnItemAddedLater()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        m.Given(m.NextItem()).Given(m.NextItem()).Given(m.NextItem());
        m.Given(new AddAgendaItem(MeetingScenario.NewId(), Reading) { Actor = m.Facilitator });

        m.When(m.NextItem()).ThenEvents(new AgendaItemStarted(new AgendaItemId(4), At(0), At(5)));
    }
}
