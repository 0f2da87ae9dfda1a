using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Tests.Support;
using static FacilitatorKit.Engine.Tests.Agenda.TestAgendas;

namespace FacilitatorKit.Engine.Tests.Agenda;

public class AddAgendaItemTests
{
    private static AddAgendaItem Add(MeetingScenario m, int? index = null) => new(MeetingScenario.NewId(), Reading, index) { Actor = m.CoFacilitator };

    [Fact]
    public void AddAgendaItem_WithoutPlace_GoesToTheEnd()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");

        m.When(Add(m)).ThenEvents(new AgendaItemAdded(Reading, 3));

        Assert.Equal(["Welcome", "Sharing", "Closing", "A reading"], m.State.Agenda.Select(i => i.Title));
        Assert.Equal(AgendaItemStatus.Pending, m.State.Agenda[3].Status);
    }

    [Fact]
    public void AddAgendaItem_RightAfterTheCurrentItem_StartsNext()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        m.Given(Add(m, 1));
        m.WaitMinutes(5);

        m.When(m.NextItem()).ThenEvents(
            new AgendaItemEnded(Welcome, At(5)),
            new AgendaItemStarted(new AgendaItemId(4), At(5), At(10)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void AddAgendaItem_BeforeOrInPlaceOfTheCurrentItem_IsRefused(int index)
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        m.Given(m.NextItem()); // sharing, at index 1, is under way

        m.When(Add(m, index)).ThenRefused(RefusalCode.Invalid);

        Assert.Equal(3, m.State.Agenda.Count);
    }
}
