using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Tests.Support;
using static FacilitatorKit.Engine.Tests.Agenda.TestAgendas;

namespace FacilitatorKit.Engine.Tests.Agenda;

public class MoveAgendaItemTests
{
    private static MoveAgendaItem Move(MeetingScenario m, AgendaItemId item, int toIndex) => new(MeetingScenario.NewId(), item, toIndex) { Actor = m.CoFacilitator };

    [Fact]
    public void MoveAgendaItem_AmongItemsStillToCome_ReordersThem()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");

        m.When(Move(m, Closing, 1)).ThenEvents(new AgendaItemMoved(Closing, 1));

        Assert.Equal(["Welcome", "Closing", "Sharing"], m.State.Agenda.Select(i => i.Title));
        m.Given(m.NextItem());
        Assert.Equal(Closing, m.State.CurrentItemId);
    }

    [Fact]
    public void MoveAgendaItem_RunningItem_IsRefused()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");

        m.When(Move(m, Welcome, 2)).ThenRefused(RefusalCode.NotNow);

        Assert.Equal(["Welcome", "Sharing", "Closing"], m.State.Agenda.Select(i => i.Title));
    }

    [Fact]
    public void MoveAgendaItem_BeforeTheCurrentItem_IsRefused()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        m.Given(m.NextItem());

        m.When(Move(m, Closing, 0)).ThenRefused(RefusalCode.Invalid);
        m.When(Move(m, Closing, 1)).ThenRefused(RefusalCode.Invalid);

        Assert.Equal(["Welcome", "Sharing", "Closing"], m.State.Agenda.Select(i => i.Title));
    }

    [Fact]
    public void MoveAgendaItem_WithALaterItemSkipped_StillReordersTheItemsToCome()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        m.Given(new AddAgendaItem(MeetingScenario.NewId(), Reading) { Actor = m.Facilitator });
        m.Given(new SkipAgendaItem(MeetingScenario.NewId(), new AgendaItemId(4)) { Actor = m.Facilitator });

        m.When(Move(m, Closing, 1)).ThenEvents(new AgendaItemMoved(Closing, 1));

        Assert.Equal(["Welcome", "Closing", "Sharing", "A reading"], m.State.Agenda.Select(i => i.Title));
    }
}
