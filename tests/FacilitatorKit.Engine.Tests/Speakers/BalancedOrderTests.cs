using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Engine.Tests.Support;

namespace FacilitatorKit.Engine.Tests.Speakers;

public class BalancedOrderTests
{
    private static MeetingScenario Balanced(IReadOnlyDictionary<string, TimeSpan>? recentAirtime = null)
    {
        var m = MeetingScenario.Gathering(Formats.OneItem(TurnPolicy.Balanced, minutes: 60), ["Ana", "Ben", "Cai", "Dee"], recentAirtime: recentAirtime);
        m.Given(m.StartMeeting());
        return m;
    }

    /// <summary>With nobody else waiting: the person raises a hand, speaks for a while, and the turn ends.</summary>
    private static void HasSpoken(MeetingScenario m, string name, double minutes)
    {
        m.Given(m.RaiseHand(name)).NextSpeakerIs(name);
        m.WaitMinutes(minutes).Given(m.EndTurn());
    }

    /// <summary>Hands go up in this order, a second apart.</summary>
    private static void HandsUp(MeetingScenario m, params string[] names)
    {
        foreach (var name in names)
        {
            m.Given(m.RaiseHand(name)).WaitSeconds(1);
        }
    }

    [Fact]
    public void NextSpeaker_BalancedPolicy_PutsFirstTimeSpeakersFirst()
    {
        var m = Balanced();
        HasSpoken(m, "Ana", minutes: 1);
        HandsUp(m, "Ana", "Ben");

        m.When(m.NextSpeaker()).ThenEvents(
            new TurnStarted(new TurnId(2), m.P("Ben"), new AgendaItemId(1), TurnKind.Regular, m.Now, null, null));
    }

    [Fact]
    public void Order_BalancedPolicy_AmongThoseWhoSpoke_LeastAirtimeInThisMeetingFirst()
    {
        var m = Balanced();
        HasSpoken(m, "Ana", minutes: 4);
        HasSpoken(m, "Ben", minutes: 1);
        HasSpoken(m, "Cai", minutes: 2);

        HandsUp(m, "Ana", "Cai", "Ben");

        Assert.Equal(["Ben", "Cai", "Ana"], m.Order);
    }

    [Fact]
    public void Order_BalancedPolicy_NotSpokenYetBeatsLittleAirtimeHereAndMuchOverRecentMeetings()
    {
        var m = Balanced(new Dictionary<string, TimeSpan> { ["Ana"] = TimeSpan.FromMinutes(90) });
        HasSpoken(m, "Ben", minutes: 0.1);

        HandsUp(m, "Ben", "Ana");

        Assert.Equal(["Ana", "Ben"], m.Order);
    }

    [Fact]
    public void Order_BalancedPolicy_SameAirtimeHere_LeastAirtimeOverRecentMeetingsFirst()
    {
        var m = Balanced(new Dictionary<string, TimeSpan>
        {
            ["Ana"] = TimeSpan.FromMinutes(30),
            ["Ben"] = TimeSpan.FromMinutes(5),
            ["Cai"] = TimeSpan.FromMinutes(12),
        });

        HandsUp(m, "Ana", "Cai", "Ben", "Dee");

        Assert.Equal(["Dee", "Ben", "Cai", "Ana"], m.Order);
    }

    [Fact]
    public void Order_BalancedPolicy_LessAirtimeHereOutranksRecentMeetings()
    {
        var m = Balanced(new Dictionary<string, TimeSpan> { ["Ana"] = TimeSpan.FromMinutes(60) });
        HasSpoken(m, "Ana", minutes: 1);
        HasSpoken(m, "Ben", minutes: 3);

        HandsUp(m, "Ben", "Ana");

        Assert.Equal(["Ana", "Ben"], m.Order);
    }

    [Fact]
    public void Order_BalancedPolicy_AllElseEqual_EarliestHandFirst()
    {
        var m = Balanced();

        HandsUp(m, "Cai", "Ana", "Dee", "Ben");

        Assert.Equal(["Cai", "Ana", "Dee", "Ben"], m.Order);
    }

    [Fact]
    public void Order_BalancedPolicy_SomeoneWhoOnlyPassed_CountsAsNotSpokenYet()
    {
        var m = Balanced();
        HasSpoken(m, "Ben", minutes: 1);
        m.Given(m.RaiseHand("Ana")).NextSpeakerIs("Ana");
        m.WaitSeconds(5).Given(m.Pass());

        HandsUp(m, "Ben", "Ana");

        Assert.Equal(["Ana", "Ben"], m.Order);
    }

    [Fact]
    public void Order_BalancedPolicy_PausedTimeDoesNotCountAgainstTheSpeaker()
    {
        var m = Balanced();
        m.Given(m.RaiseHand("Ana")).NextSpeakerIs("Ana");
        m.WaitMinutes(1).Given(m.Pause()).WaitMinutes(10).Given(m.Resume()).WaitMinutes(1).Given(m.EndTurn());
        HasSpoken(m, "Ben", minutes: 3);

        HandsUp(m, "Ben", "Ana");

        Assert.Equal(["Ana", "Ben"], m.Order);
    }

    [Fact]
    public void Order_RaiseHandPolicy_IgnoresAirtimeAndKeepsFirstComeFirstServed()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben");
        HasSpoken(m, "Ana", minutes: 5);

        HandsUp(m, "Ana", "Ben");

        Assert.Equal(["Ana", "Ben"], m.Order);
    }

    [Fact]
    public void Order_BalancedPolicy_FollowsTheBalancedKey()
    {
        var m = Balanced(new Dictionary<string, TimeSpan> { ["Cai"] = TimeSpan.FromMinutes(3), ["Dee"] = TimeSpan.FromMinutes(1) });
        HasSpoken(m, "Ana", minutes: 2);
        HasSpoken(m, "Ben", minutes: 2);

        HandsUp(m, "Ben", "Ana", "Cai", "Dee");

        var keys = m.State.SpeakerOrder(m.Now).Select(e => BalancedKey.For(m.State, e, m.Now)).ToList();
        Assert.Equal(keys.Order(), keys);
        Assert.Equal(["Dee", "Cai", "Ben", "Ana"], m.Order);
    }

    [Fact]
    public void BalancedKey_ComparesHasSpokenThenAirtimeThenRecentAirtimeThenHand()
    {
        var t = MeetingScenario.Start;
        var baseline = new BalancedKey(true, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), t);

        Assert.True(baseline with { HasSpoken = false, Airtime = TimeSpan.FromMinutes(9) } < baseline);
        Assert.True(baseline with { Airtime = TimeSpan.FromMinutes(1), RecentAirtime = TimeSpan.FromHours(9) } < baseline);
        Assert.True(baseline with { RecentAirtime = TimeSpan.FromMinutes(5), RaisedAt = t.AddHours(1) } < baseline);
        Assert.True(baseline with { RaisedAt = t.AddSeconds(-1) } < baseline);
        Assert.Equal(0, baseline.CompareTo(baseline with { }));
    }
}
