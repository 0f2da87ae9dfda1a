using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Engine.Tests.Support;

namespace FacilitatorKit.Engine.Tests.Meetings;

/// <summary>A device that loses its connection sends the same command again, with the same command id.</summary>
public class IdempotencyTests
{
    private static MeetingScenario BenSpeakingCaiAndDeeWaiting()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand, TimeSpan.FromMinutes(3)), "Ana", "Ben", "Cai", "Dee");
        m.Given(m.RaiseHand("Ben"), m.RaiseHand("Cai"), m.RaiseHand("Dee")).NextSpeakerIs("Ben");
        return m;
    }

    [Fact]
    public void NextSpeaker_RetriedWithSameCommandId_IsAppliedOnce()
    {
        var m = BenSpeakingCaiAndDeeWaiting();
        var next = m.NextSpeaker();
        m.When(next).ThenAccepted();
        var version = m.State.Version;

        var retry = m.When(next).ThenNothingHappens();

        Assert.True(retry.Decision.WasDuplicate);
        Assert.Equal(version, m.State.Version);
        Assert.Equal("Cai", m.Speaker);
        Assert.Equal(["Dee"], m.Order);
    }

    [Fact]
    public void AddAMinute_RetriedWithSameCommandId_AddsOneMinute()
    {
        var m = BenSpeakingCaiAndDeeWaiting();
        var addAMinute = m.AddAMinute();

        m.When(addAMinute).ThenAccepted();
        Assert.True(m.When(addAMinute).ThenNothingHappens().Decision.WasDuplicate);

        Assert.Equal(TimeSpan.FromMinutes(4), m.State.CurrentTurn!.Limit);
    }

    [Fact]
    public void AddAMinute_PressedTwiceWithNewCommandIds_AddsTwoMinutes()
    {
        var m = BenSpeakingCaiAndDeeWaiting();

        m.When(m.AddAMinute()).ThenAccepted();
        var second = m.When(m.AddAMinute()).ThenAccepted();

        Assert.False(second.Decision.WasDuplicate);
        Assert.Equal(TimeSpan.FromMinutes(5), m.State.CurrentTurn!.Limit);
    }

    [Fact]
    public void RaiseHand_RetriedAfterTheHandWasLowered_DoesNotQueueAgain()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben");
        var raise = m.RaiseHand("Ben");
        m.Given(raise).Given(m.LowerHand("Ben"));

        m.When(raise).ThenNothingHappens();

        Assert.Empty(m.Order);
    }

    [Fact]
    public void RetriedCommand_AfterReplayingTheHistory_IsStillAppliedOnce()
    {
        var m = BenSpeakingCaiAndDeeWaiting();
        var next = m.NextSpeaker();
        m.WaitSeconds(40).When(next).ThenAccepted();

        var restored = Meeting.Replay(m.Id, m.History);
        var retry = Meeting.Decide(restored, next, m.Now.AddSeconds(5));

        Assert.True(retry.IsAccepted);
        Assert.True(retry.WasDuplicate);
        Assert.Empty(retry.Events);
    }

    [Fact]
    public void EndTurn_RetriedAfterTheTurnEnded_AnswersAsDuplicateNotAsStale()
    {
        var m = BenSpeakingCaiAndDeeWaiting();
        var end = m.EndTurn();
        m.When(end).ThenAccepted();

        // The turn it names has ended; a retry must not come back as "already changed" to the device that ended it.
        var retry = m.When(end);

        Assert.True(retry.Decision.WasDuplicate);
        Assert.Null(retry.Decision.Refusal);
    }
}
