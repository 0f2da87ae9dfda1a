using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Tests.Support;
using static FacilitatorKit.Engine.Tests.Agenda.TestAgendas;

namespace FacilitatorKit.Engine.Tests.Agenda;

public class ChangeTurnLimitTests
{
    private static ChangeTurnLimit Limit(MeetingScenario m, AgendaItemId item, TimeSpan? limit) =>
        new(MeetingScenario.NewId(), item, limit) { Actor = m.CoFacilitator };

    [Fact]
    public void ChangeTurnLimit_RunningItem_AppliesToNextTurnsAndTheTurnUnderWayKeepsItsOwn()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben", "Cai");
        m.Given(m.NextItem(), m.RaiseHand("Ben"), m.RaiseHand("Cai")).NextSpeakerIs("Ben");

        m.When(Limit(m, Sharing, TimeSpan.FromMinutes(3))).ThenEvents(new TurnLimitChanged(Sharing, TimeSpan.FromMinutes(3)));

        Assert.Equal(TimeSpan.FromMinutes(5), m.State.CurrentTurn!.Limit);
        Assert.Equal(m.Now.AddMinutes(5), m.State.CurrentTurn.Deadline);
        m.WaitMinutes(1).NextSpeakerIs("Cai");
        Assert.Equal(TimeSpan.FromMinutes(3), m.State.CurrentTurn!.Limit);
        Assert.Equal(m.Now.AddMinutes(3), m.State.CurrentTurn.Deadline);
    }

    [Fact]
    public void ChangeTurnLimit_ToNone_NextTurnsHaveNoDeadline()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        m.Given(m.NextItem(), m.RaiseHand("Ben"));

        m.When(Limit(m, Sharing, null)).ThenEvents(new TurnLimitChanged(Sharing, null));

        m.NextSpeakerIs("Ben");
        Assert.Null(m.State.CurrentTurn!.Limit);
        Assert.Null(m.State.CurrentTurn.Deadline);
    }

    [Fact]
    public void ChangeTurnLimit_ItemStillToCome_ItsTurnsUseTheNewLimit()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        m.Given(Limit(m, Sharing, TimeSpan.FromMinutes(2)));

        m.Given(m.NextItem(), m.RaiseHand("Ana")).NextSpeakerIs("Ana");

        Assert.Equal(TimeSpan.FromMinutes(2), m.State.CurrentTurn!.Limit);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(61 * 60)]
    public void ChangeTurnLimit_OutOfRange_IsRefused(double seconds)
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");

        m.When(Limit(m, Sharing, TimeSpan.FromSeconds(seconds))).ThenRefused(RefusalCode.Invalid);

        Assert.Equal(TimeSpan.FromMinutes(5), m.State.FindItem(Sharing)!.TurnLimit);
    }
}
