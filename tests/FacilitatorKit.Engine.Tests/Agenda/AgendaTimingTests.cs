using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Tests.Support;
using static FacilitatorKit.Engine.Tests.Agenda.TestAgendas;

namespace FacilitatorKit.Engine.Tests.Agenda;

public class AgendaTimingTests
{
    [Fact]
    public void RunningItem_ElapsedAndRemaining_ComeFromItsStartAndEndInstants()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        m.WaitSeconds(135);

        var item = m.State.CurrentItem!;
        Assert.Equal(TimeSpan.FromSeconds(135), item.Elapsed(m.Now));
        Assert.Equal(TimeSpan.FromSeconds(165), item.Remaining(m.Now));
        Assert.Equal(TimeSpan.Zero, item.Overrun(m.Now));
        Assert.False(item.IsInOverrun(m.Now));
    }

    [Fact]
    public void RunningItem_PastItsEnd_ShowsOverrunAndNothingRemaining()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        m.WaitMinutes(7);

        var item = m.State.CurrentItem!;
        Assert.True(item.IsInOverrun(m.Now));
        Assert.Equal(TimeSpan.FromMinutes(2), item.Overrun(m.Now));
        Assert.Equal(TimeSpan.Zero, item.Remaining(m.Now));
        Assert.Equal(TimeSpan.FromMinutes(7), item.Elapsed(m.Now));
    }

    [Fact]
    public void RunningItem_AtItsEndInstant_IsNotYetInOverrun()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        m.WaitMinutes(5);

        Assert.False(m.State.CurrentItem!.IsInOverrun(m.Now));
        m.WaitSeconds(1);
        Assert.True(m.State.CurrentItem!.IsInOverrun(m.Now));
    }

    [Fact]
    public void ItemInOverrun_NothingAdvancesByItself_ItStaysCurrentUntilNextItem()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        var version = m.State.Version;
        m.WaitMinutes(60);

        Assert.Equal(version, m.State.Version);
        Assert.Equal(Welcome, m.State.CurrentItemId);
        Assert.Equal(AgendaItemStatus.Running, m.State.CurrentItem!.Status);
        Assert.Equal(AgendaItemStatus.Pending, m.State.FindItem(Sharing)!.Status);
        m.When(m.NextItem()).ThenEvents(
            new AgendaItemEnded(Welcome, At(60)),
            new AgendaItemStarted(Sharing, At(60), At(100)));
    }

    [Fact]
    public void FinishedItem_KeepsTheElapsedAndOverrunItHad()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        m.WaitMinutes(7).Given(m.NextItem()).WaitMinutes(30);

        var welcome = m.State.FindItem(Welcome)!;
        Assert.Equal(TimeSpan.FromMinutes(7), welcome.Elapsed(m.Now));
        Assert.Equal(TimeSpan.FromMinutes(2), welcome.Overrun(m.Now));
        Assert.Equal(TimeSpan.Zero, welcome.Remaining(m.Now));
        Assert.False(welcome.IsInOverrun(m.Now));
    }

    [Fact]
    public void ProjectedEnd_OnTime_IsNowPlusRestOfCurrentPlusItemsToCome()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        m.WaitMinutes(2);

        // 2 minutes in: 3 minutes of the welcome are left, then 40 + 10.
        Assert.Equal(m.Now.AddMinutes(3 + 40 + 10), m.State.ProjectedEnd(m.Now));
        Assert.Equal(At(55), m.State.ProjectedEnd(m.Now));
    }

    [Fact]
    public void ProjectedEnd_InOverrun_MovesLaterMinuteByMinute()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");

        m.WaitMinutes(8);
        Assert.Equal(At(58), m.State.ProjectedEnd(m.Now));
        m.WaitMinutes(1);
        Assert.Equal(At(59), m.State.ProjectedEnd(m.Now));
    }

    [Fact]
    public void ProjectedEnd_ItemClosedEarly_BringsTheEndForward()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        m.WaitMinutes(2).Given(m.NextItem());

        Assert.Equal(At(2 + 40 + 10), m.State.ProjectedEnd(m.Now));
    }

    [Fact]
    public void ProjectedEnd_FollowsAddedExtendedSkippedAndRemovedItems()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        var by = m.Facilitator;

        m.Given(new AddAgendaItem(MeetingScenario.NewId(), Reading) { Actor = by });
        Assert.Equal(At(60), m.State.ProjectedEnd(m.Now));
        m.Given(new ExtendAgendaItem(MeetingScenario.NewId(), Welcome, TimeSpan.FromMinutes(3)) { Actor = by });
        Assert.Equal(At(63), m.State.ProjectedEnd(m.Now));
        m.Given(new ExtendAgendaItem(MeetingScenario.NewId(), Sharing, TimeSpan.FromMinutes(2)) { Actor = by });
        Assert.Equal(At(65), m.State.ProjectedEnd(m.Now));
        m.Given(new SkipAgendaItem(MeetingScenario.NewId(), Closing) { Actor = by });
        Assert.Equal(At(55), m.State.ProjectedEnd(m.Now));
        m.Given(new RemoveAgendaItem(MeetingScenario.NewId(), new AgendaItemId(4)) { Actor = by });
        Assert.Equal(At(50), m.State.ProjectedEnd(m.Now));
    }
}
