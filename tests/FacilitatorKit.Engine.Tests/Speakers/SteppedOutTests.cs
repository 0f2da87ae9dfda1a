using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Engine.Tests.Support;

namespace FacilitatorKit.Engine.Tests.Speakers;

/// <summary>Issue 11 B5: someone who steps out and comes back is the same person, with their airtime and their place.</summary>
public class SteppedOutTests
{
    [Fact]
    public void SteppedOut_KeepsTheirPlaceInTheQueue_ButNextSpeakerPassesThemOver()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben", "Cai");
        m.Given(m.RaiseHand("Ben")).WaitSeconds(1).Given(m.RaiseHand("Cai"));

        m.When(m.StepsOut("Ben")).ThenEvents(new ParticipantSteppedOut(m.P("Ben")));

        Assert.Equal(["Ben", "Cai"], m.Order);
        Assert.True(m.State.IsPresent(m.P("Ben")));
        m.NextSpeakerIs("Cai");
        Assert.Equal(["Ben"], m.Order);
    }

    [Fact]
    public void Back_TakesTheKeptPlace_AheadOfLaterHands()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben", "Cai", "Dee");
        m.Given(m.RaiseHand("Ben"), m.StepsOut("Ben")).WaitSeconds(1).Given(m.RaiseHand("Cai"), m.RaiseHand("Dee")).NextSpeakerIs("Cai");

        m.When(m.IsBack("Ben")).ThenEvents(new ParticipantSteppedBack(m.P("Ben")));

        Assert.Equal(["Ben", "Dee"], m.Order);
        m.WaitSeconds(3).NextSpeakerIs("Ben");
    }

    [Fact]
    public void SteppedOut_KeepsAirtimeAndHasSpoken_SoBalancedOrderDoesNotStartThemOver()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.Balanced), "Ana", "Ben", "Cai");
        m.Given(m.RaiseHand("Ben")).NextSpeakerIs("Ben").WaitMinutes(2).Given(m.EndTurn());
        var airtime = m.State.AirtimeOf(m.P("Ben"), m.Now);

        m.Given(m.StepsOut("Ben"), m.IsBack("Ben"), m.RaiseHand("Ben")).WaitSeconds(1).Given(m.RaiseHand("Cai"));

        Assert.Equal(airtime, m.State.AirtimeOf(m.P("Ben"), m.Now));
        Assert.True(m.State.HasSpoken(m.P("Ben")));
        Assert.Single(m.State.Participants, p => p.Name == "Ben");
        Assert.Equal(["Cai", "Ben"], m.Order);
    }

    [Fact]
    public void SteppingOutWhileSpeaking_EndsTheTurnWithItsAirtime()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben");
        m.Given(m.RaiseHand("Ben")).NextSpeakerIs("Ben").WaitSeconds(50);

        m.When(m.StepsOut("Ben")).ThenEventTypes(typeof(TurnEnded), typeof(ParticipantSteppedOut));

        Assert.Null(m.State.CurrentTurn);
        Assert.Equal(TimeSpan.FromSeconds(50), m.State.AirtimeOf(m.P("Ben"), m.Now));
    }

    [Fact]
    public void GoRound_GoesOnWithoutWhoeverSteppedOut_AndTheyKeepTheirTurnInIt()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.GoRound), "Ana", "Ben", "Cai");
        m.Given(new StartGoRound(MeetingScenario.NewId()) { Actor = m.Facilitator }, m.StepsOut("Ben"));

        var spoke = new List<string?>();
        for (var turn = 0; turn < 2; turn++)
        {
            m.WaitSeconds(3).When(m.NextSpeaker()).ThenAccepted();
            spoke.Add(m.Speaker);
        }

        Assert.Equal(["Ana", "Cai"], spoke.Order());
        m.WaitSeconds(3).Given(m.EndTurn());

        var refusal = m.When(m.NextSpeaker()).ThenRefused(RefusalCode.NotNow);
        Assert.Equal(RefusalReason.WaitingHaveSteppedOut, refusal.Reason);
        Assert.Equal(m.P("Ben"), refusal.Person);

        m.Given(m.IsBack("Ben")).NextSpeakerIs("Ben");
    }

    [Fact]
    public void HasLeft_AfterSteppingOut_LeavesTheQueue_AndIsBackReturnsThemPresent()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben");
        m.Given(m.RaiseHand("Ben"), m.StepsOut("Ben"), m.Leaves("Ben"));

        Assert.Empty(m.Order);
        Assert.False(m.State.FindParticipant(m.P("Ben"))!.IsSteppedOut);

        m.When(m.IsBack("Ben")).ThenRefused(RefusalCode.NotNow);
        m.Given(m.Arrives("Ben"));
        Assert.True(m.State.IsPresent(m.P("Ben")));
        Assert.False(m.State.IsSteppedOut(m.P("Ben")));
    }

    [Fact]
    public void SteppingOutTwice_OrBackWhenHere_ChangesNothing()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben");

        m.When(m.IsBack("Ben")).ThenNothingHappens();
        m.Given(m.StepsOut("Ben"));
        m.When(m.StepsOut("Ben")).ThenNothingHappens();
    }

    [Fact]
    public void TheRoomsNext_PassesOverSomeoneWhoSteppedOut()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben", "Cai");
        m.Given(m.RaiseHand("Ben")).WaitSeconds(1).Given(m.RaiseHand("Cai"), m.StepsOut("Ben"));

        Assert.Equal(m.P("Cai"), SpeakerOrder.NextEligible(m.State, m.Now)!.Participant);
    }
}
