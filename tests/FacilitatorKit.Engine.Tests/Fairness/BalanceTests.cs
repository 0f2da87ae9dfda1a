using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Fairness;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Tests.Support;

namespace FacilitatorKit.Engine.Tests.Fairness;

/// <summary>DOMAIN.md rule 4: airtime, turns, share, fair share, the balance index, who has not spoken yet, and nudges.</summary>
public class BalanceTests
{
    [Fact]
    public void ForMeeting_FinishedTurns_GivesAirtimeAndTurnsPerParticipant()
    {
        var m = RaiseHandMeeting("Ana", "Ben", "Cai");
        Speaks(m, "Ana", 60);
        Speaks(m, "Ben", 30);
        Speaks(m, "Ana", 60);

        var report = Balance.ForMeeting(m.State, m.Now);

        Assert.Equal(Seconds(150), report.TotalAirtime);
        AssertRow(report, m, "Ana", Seconds(120), turns: 2);
        AssertRow(report, m, "Ben", Seconds(30), turns: 1);
        AssertRow(report, m, "Cai", TimeSpan.Zero, turns: 0);
    }

    [Fact]
    public void ForMeeting_Share_IsEachPersonsPartOfTheTotal()
    {
        var m = RaiseHandMeeting("Ana", "Ben", "Cai");
        Speaks(m, "Ana", 90);
        Speaks(m, "Ben", 30);

        var report = Balance.ForMeeting(m.State, m.Now);

        Assert.Equal(0.75, Row(report, m, "Ana").Share, 10);
        Assert.Equal(0.25, Row(report, m, "Ben").Share, 10);
        Assert.Equal(0, Row(report, m, "Cai").Share);
    }

    [Fact]
    public void ForMeeting_FairShare_IsTheTotalOverThePeopleWhoSpokeOrAskedToSpeak()
    {
        var m = RaiseHandMeeting("Ana", "Ben", "Cai", "Dee");
        Speaks(m, "Ana", 90);
        Speaks(m, "Ben", 30);
        m.Given(m.RaiseHand("Cai")); // waiting; Dee has not asked

        var report = Balance.ForMeeting(m.State, m.Now);

        Assert.Equal(Seconds(120), report.TotalAirtime);
        Assert.Equal(Seconds(40), report.FairShare);
    }

    [Fact]
    public void ForMeeting_FairShare_CountsSomeoneWhoAskedAndThenLoweredTheirHand()
    {
        var m = RaiseHandMeeting("Ana", "Ben", "Cai", "Dee");
        Speaks(m, "Ana", 90);
        Speaks(m, "Ben", 30);
        m.Given(m.RaiseHand("Cai"), m.LowerHand("Cai"));

        Assert.Equal(Seconds(40), Balance.ForMeeting(m.State, m.Now).FairShare);
    }

    [Fact]
    public void ForMeeting_NobodySpokeYet_GivesZeroFiguresAndNoNudge()
    {
        var m = RaiseHandMeeting("Ana", "Ben");
        m.WaitMinutes(10);

        var report = Balance.ForMeeting(m.State, m.Now);

        Assert.Equal(TimeSpan.Zero, report.TotalAirtime);
        Assert.Equal(TimeSpan.Zero, report.FairShare);
        Assert.Equal(0, report.BalanceIndex);
        Assert.Empty(report.Nudges);
        Assert.All(report.Participants, r => Assert.Equal(0, r.Share));
        Assert.Equal([m.P("Ana"), m.P("Ben")], report.NotSpokenYet);
    }

    [Fact]
    public void ForMeeting_OneVoiceAmongFour_BalanceIndexIsTheGiniOfThreeQuarters()
    {
        var m = RaiseHandMeeting("Ana", "Ben", "Cai", "Dee");
        Speaks(m, "Cai", 60);

        Assert.Equal(0.75, Balance.ForMeeting(m.State, m.Now).BalanceIndex, 10);
    }

    [Fact]
    public void ForMeeting_EvenAirtime_BalanceIndexIsZero()
    {
        var m = RaiseHandMeeting("Ana", "Ben", "Cai");
        Speaks(m, "Ana", 60);
        Speaks(m, "Ben", 60);
        Speaks(m, "Cai", 60);

        Assert.Equal(0, Balance.ForMeeting(m.State, m.Now).BalanceIndex, 10);
    }

    [Fact]
    public void ForMeeting_UnevenAirtime_BalanceIndexMatchesTheGiniOfEveryonesAirtime()
    {
        var m = RaiseHandMeeting("Ana", "Ben", "Cai", "Dee");
        Speaks(m, "Ana", 10);
        Speaks(m, "Ben", 20);
        Speaks(m, "Cai", 30);
        Speaks(m, "Dee", 40);

        // Gini of 10, 20, 30, 40 is 0.25 (mean absolute difference over twice the mean).
        Assert.Equal(0.25, Balance.ForMeeting(m.State, m.Now).BalanceIndex, 10);
    }

    [Fact]
    public void ForMeeting_NotSpokenYet_ListsThePeopleWithoutATurnInSeatingOrder()
    {
        var m = RaiseHandMeeting("Ana", "Ben", "Cai", "Dee");
        Speaks(m, "Cai", 45);
        m.Given(m.RaiseHand("Dee")); // asking is not speaking

        var report = Balance.ForMeeting(m.State, m.Now);

        Assert.Equal([m.P("Ana"), m.P("Ben"), m.P("Dee")], report.NotSpokenYet);
        Assert.False(Row(report, m, "Ana").HasSpoken);
        Assert.True(Row(report, m, "Cai").HasSpoken);
    }

    [Fact]
    public void ForMeeting_Pass_GivesNoAirtimeAndIsNotATurnSpoken()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.GoRound, TimeSpan.FromMinutes(1)), "Ana", "Ben", "Cai");
        m.NextSpeakerIs("Ben").WaitSeconds(5);
        m.Given(m.Pass());

        var report = Balance.ForMeeting(m.State, m.Now);

        AssertRow(report, m, "Ben", TimeSpan.Zero, turns: 0);
        Assert.Contains(m.P("Ben"), report.NotSpokenYet);
        Assert.Equal(TimeSpan.Zero, report.TotalAirtime);
    }

    [Fact]
    public void ForMeeting_PassForNow_GivesNoAirtime()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.GoRound, TimeSpan.FromMinutes(1)), "Ana", "Ben", "Cai");
        m.NextSpeakerIs("Ben").WaitSeconds(15);
        m.Given(m.PassForNow());
        m.NextSpeakerIs("Cai").WaitSeconds(40);
        m.Given(m.EndTurn());

        var report = Balance.ForMeeting(m.State, m.Now);

        AssertRow(report, m, "Ben", TimeSpan.Zero, turns: 0);
        AssertRow(report, m, "Cai", Seconds(40), turns: 1);
        Assert.Equal(Seconds(40), report.TotalAirtime);
    }

    [Fact]
    public void ForMeeting_TurnUnderWay_CountsItsAirtimeSoFar()
    {
        var m = RaiseHandMeeting("Ana", "Ben");
        Speaks(m, "Ben", 30);
        m.Given(m.RaiseHand("Ana")).NextSpeakerIs("Ana").WaitSeconds(90);

        var report = Balance.ForMeeting(m.State, m.Now);

        AssertRow(report, m, "Ana", Seconds(90), turns: 1);
        Assert.True(Row(report, m, "Ana").HasSpoken);
        Assert.DoesNotContain(m.P("Ana"), report.NotSpokenYet);
        Assert.Equal(Seconds(120), report.TotalAirtime);
    }

    [Fact]
    public void ForMeeting_PausedTime_IsNotAirtime()
    {
        var m = RaiseHandMeeting("Ana", "Ben");
        m.Given(m.RaiseHand("Ana")).NextSpeakerIs("Ana").WaitSeconds(30);
        m.Given(m.Pause()).WaitMinutes(3);

        Assert.Equal(Seconds(30), Row(Balance.ForMeeting(m.State, m.Now), m, "Ana").Airtime);

        m.Given(m.Resume()).WaitSeconds(30);
        m.Given(m.EndTurn()).WaitMinutes(1);

        AssertRow(Balance.ForMeeting(m.State, m.Now), m, "Ana", Seconds(60), turns: 1);
    }

    [Fact]
    public void ForMeeting_Participants_AreListedInSeatingOrderNotRankedByAirtime()
    {
        var m = RaiseHandMeeting("Ana", "Ben", "Cai");
        Speaks(m, "Cai", 120);
        Speaks(m, "Ben", 60);
        m.Given(m.Arrives("Eve", seat: 1));
        Speaks(m, "Eve", 90);

        var report = Balance.ForMeeting(m.State, m.Now);

        Assert.Equal(["Ana", "Eve", "Ben", "Cai"], report.Participants.Select(r => r.Name));
    }

    [Fact]
    public void ForMeeting_SomeoneWhoLeftAfterSpeaking_KeepsTheirAirtime()
    {
        var m = RaiseHandMeeting("Ana", "Ben", "Cai");
        Speaks(m, "Ben", 60);
        Speaks(m, "Ana", 30);
        m.Given(m.Leaves("Ben"), m.Leaves("Cai"));

        var report = Balance.ForMeeting(m.State, m.Now);

        AssertRow(report, m, "Ben", Seconds(60), turns: 1);
        Assert.Equal(Seconds(90), report.TotalAirtime);
        Assert.DoesNotContain(report.Participants, r => r.Participant == m.P("Cai")); // left without speaking
    }

    [Fact]
    public void ForMeeting_SpeakerLeavesMidTurn_TheirTurnCountsWithTheAirtimeItHad()
    {
        var m = RaiseHandMeeting("Ana", "Ben");
        m.Given(m.RaiseHand("Ben")).NextSpeakerIs("Ben").WaitSeconds(75);
        m.Given(m.Leaves("Ben")).WaitMinutes(5);

        AssertRow(Balance.ForMeeting(m.State, m.Now), m, "Ben", Seconds(75), turns: 1);
    }

    [Fact]
    public void Nudge_MoreThanTwiceTheFairShareAfterTwoMinutes_PromptsFacilitators()
    {
        var m = RaiseHandMeeting("Ana", "Ben", "Cai");
        Speaks(m, "Ana", 300);
        Speaks(m, "Ben", 30);
        Speaks(m, "Cai", 30);

        var report = Balance.ForMeeting(m.State, m.Now);

        Assert.Equal(Seconds(120), report.FairShare);
        var nudge = Assert.Single(report.Nudges);
        Assert.Equal(m.P("Ana"), nudge.Participant);
        Assert.Equal(2.5, nudge.TimesFairShare, 10);
    }

    [Fact]
    public void Nudge_ExactlyTwiceTheFairShare_IsNotYetANudge()
    {
        var m = RaiseHandMeeting("Ana", "Ben", "Cai");
        Speaks(m, "Ana", 240);
        Speaks(m, "Ben", 60);
        Speaks(m, "Cai", 60);

        Assert.Empty(Balance.ForMeeting(m.State, m.Now).Nudges);
    }

    [Fact]
    public void Nudge_UnderTwoMinutesSpoken_IsNotGivenEvenForALargeShare()
    {
        var m = RaiseHandMeeting("Ana", "Ben", "Cai");
        Speaks(m, "Ana", 110);
        Speaks(m, "Ben", 5);
        Speaks(m, "Cai", 5);

        var report = Balance.ForMeeting(m.State, m.Now);

        Assert.True(Row(report, m, "Ana").Airtime > report.FairShare * 2);
        Assert.Empty(report.Nudges);
    }

    [Fact]
    public void Nudge_AtTwoMinutesSpoken_IsGiven()
    {
        var m = RaiseHandMeeting("Ana", "Ben", "Cai");
        Speaks(m, "Ana", 120);
        Speaks(m, "Ben", 5);
        Speaks(m, "Cai", 5);

        Assert.Equal(m.P("Ana"), Assert.Single(Balance.ForMeeting(m.State, m.Now).Nudges).Participant);
    }

    [Fact]
    public void Nudge_ConfiguredThreshold_UsesItsFactorAndMinimum()
    {
        var m = RaiseHandMeeting("Ana", "Ben", "Cai");
        Speaks(m, "Ana", 70); // fair share 40 s: 1.75 times it
        Speaks(m, "Ben", 20);
        Speaks(m, "Cai", 30);

        Assert.Empty(Balance.ForMeeting(m.State, m.Now).Nudges);
        Assert.Empty(Balance.ForMeeting(m.State, m.Now, new FairnessOptions(ShareFactor: 1.5)).Nudges); // under 2 minutes
        Assert.Empty(Balance.ForMeeting(m.State, m.Now, new FairnessOptions(ShareFactor: 2.0, MinimumAirtime: TimeSpan.FromMinutes(1))).Nudges);
        Assert.Empty(Balance.ForMeeting(m.State, m.Now, new FairnessOptions(ShareFactor: 1.5, MinimumAirtime: Seconds(75))).Nudges);

        var nudge = Assert.Single(Balance.ForMeeting(m.State, m.Now, new FairnessOptions(ShareFactor: 1.5, MinimumAirtime: TimeSpan.FromMinutes(1))).Nudges);
        Assert.Equal(m.P("Ana"), nudge.Participant);
        Assert.Equal(1.75, nudge.TimesFairShare, 10);
    }

    [Fact]
    public void Nudge_TurnUnderWay_CountsTowardsIt()
    {
        var m = RaiseHandMeeting("Ana", "Ben", "Cai");
        Speaks(m, "Ben", 30);
        Speaks(m, "Cai", 30);
        m.Given(m.RaiseHand("Ana")).NextSpeakerIs("Ana").WaitMinutes(1);

        Assert.Empty(Balance.ForMeeting(m.State, m.Now).Nudges);

        m.WaitMinutes(4);

        Assert.Equal(m.P("Ana"), Assert.Single(Balance.ForMeeting(m.State, m.Now).Nudges).Participant);
    }

    [Fact]
    public void Nudge_SaysWhoAndHowManyFairSharesTheyHaveHad_AndNoWords()
    {
        var m = RaiseHandMeeting("Ana", "Ben", "Cai");
        Speaks(m, "Ana", 400);
        Speaks(m, "Ben", 20);
        Speaks(m, "Cai", 20);

        var nudge = Assert.Single(Balance.ForMeeting(m.State, m.Now).Nudges);

        // 440 s among three: a fair share is 146.7 s, and Ana has had 400 s of it.
        Assert.Equal((m.P("Ana"), NudgeReason.WellOverFairShare), (nudge.Participant, nudge.Reason));
        Assert.Equal(400 / (440 / 3.0), nudge.TimesFairShare, precision: 6);
    }

    [Fact]
    public void ForGroup_RecentMeetings_AddsUpAirtimeTurnsAndSharesPerPerson()
    {
        var first = RaiseHandMeeting("Ana", "Ben", "Cai");
        Speaks(first, "Ana", 120);
        Speaks(first, "Ben", 60);
        var second = NextMeetingOf(first, "Ana", "Cai");
        Speaks(second, "Ana", 60);
        Speaks(second, "Cai", 60);

        var report = Balance.ForGroup(People(first, "Ana", "Ben", "Cai"), [MeetingLedger.Of(first.State, first.Now), MeetingLedger.Of(second.State, second.Now)]);

        Assert.Equal(Seconds(300), report.TotalAirtime);
        Assert.Equal(Seconds(100), report.FairShare);
        AssertRow(report, first, "Ana", Seconds(180), turns: 2);
        AssertRow(report, first, "Ben", Seconds(60), turns: 1);
        AssertRow(report, first, "Cai", Seconds(60), turns: 1);
        Assert.Equal(0.6, Row(report, first, "Ana").Share, 10);
        Assert.Empty(report.NotSpokenYet);
    }

    [Fact]
    public void ForGroup_FairShare_CountsWhoAskedToSpeakInAnyOfTheMeetings()
    {
        var first = RaiseHandMeeting("Ana", "Ben", "Cai", "Dee");
        Speaks(first, "Ana", 150);
        first.Given(first.RaiseHand("Dee"), first.LowerHand("Dee"));
        var second = NextMeetingOf(first, "Ana", "Ben", "Cai", "Dee");
        Speaks(second, "Ben", 60);

        var report = Balance.ForGroup(People(first, "Ana", "Ben", "Cai", "Dee"), [MeetingLedger.Of(first.State, first.Now), MeetingLedger.Of(second.State, second.Now)]);

        Assert.Equal(Seconds(210), report.TotalAirtime);
        Assert.Equal(Seconds(70), report.FairShare); // Ana, Ben and Dee; Cai neither spoke nor asked
        Assert.Equal([first.P("Cai"), first.P("Dee")], report.NotSpokenYet);
    }

    [Fact]
    public void ForGroup_ImbalanceOnlyVisibleAcrossMeetings_IsNudged()
    {
        var first = RaiseHandMeeting("Ana", "Ben", "Cai");
        Speaks(first, "Ana", 150);
        Speaks(first, "Ben", 60);
        var second = NextMeetingOf(first, "Ana", "Cai");
        Speaks(second, "Ana", 150);
        Speaks(second, "Cai", 60);
        var ledgers = new[] { MeetingLedger.Of(first.State, first.Now), MeetingLedger.Of(second.State, second.Now) };

        Assert.Empty(Balance.ForMeeting(first.State, first.Now).Nudges);
        Assert.Empty(Balance.ForMeeting(second.State, second.Now).Nudges);

        var report = Balance.ForGroup(People(first, "Ana", "Ben", "Cai"), ledgers);

        Assert.Equal(Seconds(140), report.FairShare);
        Assert.Equal(first.P("Ana"), Assert.Single(report.Nudges).Participant);
        Assert.Equal(Balance.Gini([300, 60, 60]), report.BalanceIndex, 10);
    }

    [Fact]
    public void ForGroup_TurnUnderWayInTodaysMeeting_Counts()
    {
        var earlier = RaiseHandMeeting("Ana", "Ben");
        Speaks(earlier, "Ben", 60);
        var today = NextMeetingOf(earlier, "Ana", "Ben");
        today.Given(today.RaiseHand("Ana")).NextSpeakerIs("Ana").WaitSeconds(45);

        var report = Balance.ForGroup(People(earlier, "Ana", "Ben"), [MeetingLedger.Of(earlier.State, earlier.Now), MeetingLedger.Of(today.State, today.Now)]);

        AssertRow(report, earlier, "Ana", Seconds(45), turns: 1);
        Assert.Equal(Seconds(105), report.TotalAirtime);
    }

    [Fact]
    public void ForGroup_ListsPeopleInTheOrderGiven_NotByAirtime()
    {
        var first = RaiseHandMeeting("Ana", "Ben", "Cai");
        Speaks(first, "Ana", 30);
        Speaks(first, "Ben", 90);
        Speaks(first, "Cai", 60);

        var report = Balance.ForGroup(People(first, "Cai", "Ana", "Ben"), [MeetingLedger.Of(first.State, first.Now)]);

        Assert.Equal(["Cai", "Ana", "Ben"], report.Participants.Select(r => r.Name));
    }

    private static MeetingScenario RaiseHandMeeting(params string[] names) =>
        MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand, minutes: 120), names);

    /// <summary>The group meets again: the same people (same ids, so history follows them) come to a new meeting.</summary>
    private static MeetingScenario NextMeetingOf(MeetingScenario previous, params string[] names)
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand, minutes: 120));
        foreach (var name in names)
        {
            m.People[name] = previous.P(name);
            m.Given(m.Arrives(name, kind: ParticipantKind.Member));
        }

        return m;
    }

    /// <summary>Raise a hand, speak for this long, end the turn.</summary>
    private static void Speaks(MeetingScenario m, string name, double seconds)
    {
        m.Given(m.RaiseHand(name)).NextSpeakerIs(name).WaitSeconds(seconds);
        m.Given(m.EndTurn());
    }

    private static IEnumerable<(ParticipantId Id, string Name)> People(MeetingScenario m, params string[] names) =>
        names.Select(n => (m.P(n), n));

    private static ParticipantAirtime Row(FairnessReport report, MeetingScenario m, string name) =>
        Assert.Single(report.Participants, r => r.Participant == m.P(name));

    private static void AssertRow(FairnessReport report, MeetingScenario m, string name, TimeSpan airtime, int turns)
    {
        var row = Row(report, m, name);
        Assert.Equal(name, row.Name);
        Assert.Equal(airtime, row.Airtime);
        Assert.Equal(turns, row.Turns);
    }

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(seconds);
}
