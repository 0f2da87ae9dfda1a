using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Tests.Support;
using static FacilitatorKit.Engine.Tests.Agenda.TestAgendas;

namespace FacilitatorKit.Engine.Tests.Agenda;

public class ChangeFormatTests
{
    [Fact]
    public void ChangeFormat_BeforeStart_ReplacesTheAgenda()
    {
        var m = MeetingScenario.Gathering(ThreeItems, ["Ana", "Ben"]);
        var circle = Formats.PeerSupportCircle;

        m.When(new ChangeFormat(MeetingScenario.NewId(), circle) { Actor = m.Facilitator })
            .ThenEvents(new FormatChanged(circle.Name, circle.Items));

        Assert.Equal(circle.Items.Select(p => p.Title), m.State.Agenda.Select(i => i.Title));
        m.WaitMinutes(2).Given(m.StartMeeting());
        Assert.Equal(At(2 + 5), m.State.CurrentItem!.EndsAt);
        Assert.Equal(At(2 + 90), m.State.ProjectedEnd(m.Now));
    }

    [Fact]
    public void ChangeFormat_AfterStart_IsRefusedAndAgendaStays()
    {
        var m = MeetingScenario.Running(ThreeItems, "Ana", "Ben");

        m.When(new ChangeFormat(MeetingScenario.NewId(), Formats.PeerSupportCircle) { Actor = m.Facilitator })
            .ThenRefused(RefusalCode.NotNow);

        Assert.Equal(["Welcome", "Sharing", "Closing"], m.State.Agenda.Select(i => i.Title));
    }
}
