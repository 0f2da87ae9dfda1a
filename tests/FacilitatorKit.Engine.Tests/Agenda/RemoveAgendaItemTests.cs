using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Tests.Support;
using static FacilitatorKit.Engine.Tests.Agenda.TestAgendas;

namespace FacilitatorKit.Engine.Tests.Agenda;

public class RemoveAgendaItemTests
{
    private static RemoveAgendaItem Remove(MeetingScenario m, AgendaItemId item) => new(MeetingScenario.NewId(), item) { Actor = m.CoFacilitator };

    [Fact]
    public void RemoveAgendaItem_ItemStillToCome_TakesItOffTheAgenda()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");

        m.When(Remove(m, Sharing)).ThenEvents(new AgendaItemRemoved(Sharing));

        Assert.Equal(["Welcome", "Closing"], m.State.Agenda.Select(i => i.Title));
        m.Given(m.NextItem());
        Assert.Equal(Closing, m.State.CurrentItemId);
    }

    [Fact]
    public void RemoveAgendaItem_RunningItem_IsRefused()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");

        m.When(Remove(m, Welcome)).ThenRefused(RefusalCode.NotNow);

        Assert.Equal(Welcome, m.State.CurrentItemId);
        Assert.Equal(3, m.State.Agenda.Count);
    }

    [Fact]
    public void RemoveAgendaItem_SkippedItem_TakesItOffTheAgenda()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        m.Given(new SkipAgendaItem(MeetingScenario.NewId(), Sharing) { Actor = m.Facilitator });

        m.When(Remove(m, Sharing)).ThenEvents(new AgendaItemRemoved(Sharing));

        Assert.Equal(["Welcome", "Closing"], m.State.Agenda.Select(i => i.Title));
    }
}
