using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Tests.Support;
using static FacilitatorKit.Engine.Tests.Agenda.TestAgendas;

namespace FacilitatorKit.Engine.Tests.Agenda;

public class StartMeetingTests
{
    [Fact]
    public void StartMeeting_FromFormat_FirstItemEndBecomesAbsoluteInstant()
    {
        var m = MeetingScenario.Gathering(ThreeItems, ["Ana", "Ben"]);
        m.WaitMinutes(3);

        m.When(m.StartMeeting()).ThenEvents(
            new MeetingStarted(At(3)),
            new AgendaItemStarted(Welcome, At(3), At(8)));

        Assert.Equal(Welcome, m.State.CurrentItemId);
        Assert.Equal(At(8), m.State.CurrentItem!.EndsAt);
    }

    [Fact]
    public void StartMeeting_FromFormat_AgendaFollowsTheFormat()
    {
        var m = MeetingScenario.Running(Formats.PeerSupportCircle, "Ana", "Ben");

        Assert.Equal(Formats.PeerSupportCircle.Items.Select(p => (p.Title, p.TimeBox, p.TurnPolicy, p.TurnLimit)),
            m.State.Agenda.Select(i => (i.Title, i.TimeBox, i.TurnPolicy, i.TurnLimit)));
        Assert.Equal(
            [AgendaItemStatus.Running, AgendaItemStatus.Pending, AgendaItemStatus.Pending, AgendaItemStatus.Pending, AgendaItemStatus.Pending, AgendaItemStatus.Pending],
            m.State.Agenda.Select(i => i.Status));
        Assert.Equal(MeetingScenario.Start.AddMinutes(90), m.State.ProjectedEnd(m.Now));
    }

    [Fact]
    public void StartMeeting_SecondDevicePressesStartAfterwards_ChangesNothing()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");
        m.WaitMinutes(1);

        m.When(m.StartMeeting(m.Facilitator)).ThenNothingHappens();

        Assert.Equal(MeetingScenario.Start, m.State.StartedAt);
        Assert.Equal(At(5), m.State.CurrentItem!.EndsAt);
    }
}
