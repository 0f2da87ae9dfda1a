using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Tests.Support;
using static FacilitatorKit.Engine.Tests.Agenda.TestAgendas;

namespace FacilitatorKit.Engine.Tests.Agenda;

public class ExtendAgendaItemTests
{
    private static ExtendAgendaItem Extend(MeetingScenario m, AgendaItemId item, double minutes) =>
        new(MeetingScenario.NewId(), item, TimeSpan.FromMinutes(minutes)) { Actor = m.CoFacilitator };

    [Fact]
    public void ExtendAgendaItem_RunningItem_MovesItsEndInstantLater()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        m.WaitMinutes(4);

        m.When(Extend(m, Welcome, 3)).ThenEvents(new AgendaItemExtended(Welcome, TimeSpan.FromMinutes(3)));

        var item = m.State.CurrentItem!;
        Assert.Equal(At(8), item.EndsAt);
        Assert.Equal(TimeSpan.FromMinutes(4), item.Remaining(m.Now));
    }

    [Fact]
    public void ExtendAgendaItem_PendingItem_GrowsItsTimeBox()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");

        m.When(Extend(m, Sharing, 5)).ThenEvents(new AgendaItemExtended(Sharing, TimeSpan.FromMinutes(5)));

        Assert.Equal(TimeSpan.FromMinutes(45), m.State.FindItem(Sharing)!.PlannedTime);
        m.WaitMinutes(5).Given(m.NextItem());
        Assert.Equal(At(5 + 45), m.State.CurrentItem!.EndsAt);
    }

    [Fact]
    public void ExtendAgendaItem_InOverrun_GivesTheTimeFromNow()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        m.WaitMinutes(7); // two minutes over

        // "Five more minutes" when the item is already two over means five more from now: seven in all.
        m.When(Extend(m, Welcome, 5)).ThenEvents(new AgendaItemExtended(Welcome, TimeSpan.FromMinutes(7)));

        var item = m.State.CurrentItem!;
        Assert.False(item.IsInOverrun(m.Now));
        Assert.Equal(TimeSpan.FromMinutes(5), item.Remaining(m.Now));
        Assert.Equal(m.Now + TimeSpan.FromMinutes(5), item.EndsAt);
    }

    [Fact]
    public void ExtendAgendaItem_FinishedItem_IsRefused()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        m.Given(m.NextItem());

        m.When(Extend(m, Welcome, 5)).ThenRefused(RefusalCode.NotNow);
    }
}
