using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Engine.Tests.Support;

namespace FacilitatorKit.Engine.Tests.Speakers;

/// <summary>Behaviours settled after review: late passes, points of process across items, presses from two devices.</summary>
public class LatePassTests
{
    [Fact]
    public void Pass_AfterRealSpeaking_EndsTheTurnAsSpoken_SoTheAirtimeStays()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.Balanced), "Ana", "Ben");
        m.Given(m.RaiseHand("Ben")).NextSpeakerIs("Ben");
        m.WaitMinutes(3);

        m.When(m.Pass()).ThenEvents(new TurnEnded(new TurnId(1), m.Now, TurnOutcome.Spoke, TimeSpan.FromMinutes(3)));

        Assert.True(m.State.HasSpoken(m.P("Ben")));
        Assert.Equal(TimeSpan.FromMinutes(3), m.State.AirtimeOf(m.P("Ben"), m.Now));
    }

    [Fact]
    public void Pass_WithinTheGrace_IsAPassWithNoAirtime()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben");
        m.Given(m.RaiseHand("Ben")).NextSpeakerIs("Ben");
        m.Wait(Pass.Grace);

        m.When(m.Pass()).ThenEvents(new TurnEnded(new TurnId(1), m.Now, TurnOutcome.Passed, TimeSpan.Zero));
    }

    [Fact]
    public void PassForNow_AfterRealSpeaking_IsRefused()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.GoRound), "Ana", "Ben", "Cai");
        m.NextSpeakerIs("Ben").WaitMinutes(1);

        var refusal = m.When(m.PassForNow()).ThenRefused(RefusalCode.NotNow);

        Assert.Equal((RefusalReason.AlreadySpokeInRound, m.P("Ben")), (refusal.Reason, refusal.Person));
        Assert.Equal("Ben", m.Speaker);
    }
}

public class PointOfProcessAcrossItemsTests
{
    [Fact]
    public void NextItem_WithAPointOfProcessWaiting_IsRefused_SoTheConcernIsNotLost()
    {
        var m = MeetingScenario.Running(Formats.PeerSupportCircle, "Ana", "Ben");
        m.Given(m.PointOfProcess("Ben"));

        var refusal = m.When(m.NextItem()).ThenRefused(RefusalCode.NotNow);

        Assert.Equal((RefusalReason.PointOfProcessWaiting, m.P("Ben")), (refusal.Reason, refusal.Person));
        Assert.Equal(["Ben"], m.Order);
    }

    [Fact]
    public void NextItem_AfterThePointOfProcessWasTaken_MovesOn()
    {
        var m = MeetingScenario.Running(Formats.PeerSupportCircle, "Ana", "Ben");
        m.Given(m.PointOfProcess("Ben")).NextSpeakerIs("Ben");
        m.Given(m.EndTurn());

        m.When(m.NextItem()).ThenAccepted();
    }
}

public class TwoDevicesExtendTests
{
    [Fact]
    public void AddAMinute_FromTwoDevicesTogether_AddsOneMinute()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand, turnLimit: TimeSpan.FromMinutes(3)), "Ana", "Ben");
        m.Given(m.RaiseHand("Ben")).NextSpeakerIs("Ben");
        var laptop = m.AddAMinute();
        var tablet = m.AddAMinute(m.CoFacilitator);

        m.When(laptop).ThenAccepted();
        m.When(tablet).ThenRefused(RefusalCode.AlreadyChanged);

        Assert.Equal(TimeSpan.FromMinutes(4), m.State.CurrentTurn!.Limit);
    }

    [Fact]
    public void ExtendItem_FromTwoDevicesTogether_ExtendsOnce()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand, minutes: 30), "Ana");
        var item = m.State.CurrentItem!;
        ExtendAgendaItem Extend(Actor by) => new(MeetingScenario.NewId(), item.Id, TimeSpan.FromMinutes(5), item.PlannedTime) { Actor = by };

        m.When(Extend(m.Facilitator)).ThenAccepted();
        m.When(Extend(m.CoFacilitator)).ThenRefused(RefusalCode.AlreadyChanged);

        Assert.Equal(TimeSpan.FromMinutes(35), m.State.CurrentItem!.PlannedTime);
    }
}

public class SetUpForThisMeetingTests
{
    [Fact]
    public void SetUpMeeting_NamingAnotherMeeting_IsRefused()
    {
        var state = MeetingState.Initial(MeetingId.New());

        var decision = Meeting.Decide(state, new SetUpMeeting(CommandId.New(), MeetingId.New(), Formats.PeerSupportCircle, [new Participant(ParticipantId.New(), "Ana")]) { Actor = Actor.Facilitator }, MeetingScenario.Start);

        Assert.Equal(RefusalCode.Invalid, decision.Refusal?.Code);
    }
}
