using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Engine.Tests.Support;

namespace FacilitatorKit.Engine.Tests.Speakers;

public class RaiseHandTests
{
    [Fact]
    public void NextSpeaker_RaiseHandPolicy_TakesFirstComeFirstServed()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben", "Cai");
        m.Given(m.RaiseHand("Cai")).WaitSeconds(1).Given(m.RaiseHand("Ana")).WaitSeconds(1).Given(m.RaiseHand("Ben"));

        m.When(m.NextSpeaker()).ThenEvents(
            new TurnStarted(new TurnId(1), m.P("Cai"), new AgendaItemId(1), TurnKind.Regular, m.Now, null, null));

        Assert.Equal(["Ana", "Ben"], m.Order);
    }

    [Fact]
    public void RaiseHand_AlreadyQueued_ChangesNothing()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben");
        m.Given(m.RaiseHand("Ben"));

        m.When(m.RaiseHand("Ben", m.CoFacilitator)).ThenNothingHappens();

        Assert.Equal(["Ben"], m.Order);
    }
}
