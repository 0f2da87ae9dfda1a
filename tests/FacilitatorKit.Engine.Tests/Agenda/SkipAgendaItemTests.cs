using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Tests.Support;
using static FacilitatorKit.Engine.Tests.Agenda.TestAgendas;

namespace FacilitatorKit.Engine.Tests.Agenda;

public class SkipAgendaItemTests
{
    private static SkipAgendaItem Skip(MeetingScenario m, AgendaItemId item) => new(MeetingScenario.NewId(), item) { Actor = m.CoFacilitator };

    [Fact]
    public void SkipAgendaItem_ItemStillToCome_StaysOnTheAgendaMarkedSkipped()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");

        m.When(Skip(m, Sharing)).ThenEvents(new AgendaItemSkipped(Sharing));

        Assert.Equal(["Welcome", "Sharing", "Closing"], m.State.Agenda.Select(i => i.Title));
        Assert.Equal(AgendaItemStatus.Skipped, m.State.FindItem(Sharing)!.Status);
        Assert.Equal(Welcome, m.State.CurrentItemId);
    }

    [Fact]
    public void SkipAgendaItem_RunningItem_IsRefused()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");

        m.When(Skip(m, Welcome)).ThenRefused(RefusalCode.NotNow);

        Assert.Equal(AgendaItemStatus.Running, m.State.FindItem(Welcome)!.Status);
    }

    [Fact]
    public void SkipAgendaItem_WithALaterItemSkipped_NewItemsCanStillGoRightAfterTheCurrentItem()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        m.Given(Skip(m, Closing));

        m.When(new AddAgendaItem(MeetingScenario.NewId(), Reading, 1) { Actor = m.Facilitator }).ThenEvents(new AgendaItemAdded(Reading, 1));

        Assert.Equal(["Welcome", "A reading", "Sharing", "Closing"], m.State.Agenda.Select(i => i.Title));
    }
}
