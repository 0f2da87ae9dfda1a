using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Tests.Support;

namespace FacilitatorKit.Engine.Tests.Meetings;

/// <summary>Deciding is pure: it reads the state and the time it is given, and nothing else.</summary>
public class DecideTests
{
    private static MeetingScenario BenSpeakingCaiWaiting()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand, TimeSpan.FromMinutes(3)), "Ana", "Ben", "Cai");
        m.Given(m.RaiseHand("Ben"), m.RaiseHand("Cai")).NextSpeakerIs("Ben");
        m.WaitMinutes(2);
        return m;
    }

    public static TheoryData<string> Commands => ["next speaker", "end turn", "pause", "add a minute", "next item", "add item", "extend item", "end meeting", "stale end turn", "change format"];

    private static MeetingCommand Command(MeetingScenario m, string name) => name switch
    {
        "next speaker" => m.NextSpeaker(),
        "end turn" => m.EndTurn(),
        "pause" => m.Pause(),
        "add a minute" => m.AddAMinute(),
        "next item" => m.NextItem(),
        "add item" => new AddAgendaItem(MeetingScenario.NewId(), new("A reading", AgendaItemKind.Reading, TimeSpan.FromMinutes(5))) { Actor = m.Facilitator },
        "extend item" => new ExtendAgendaItem(MeetingScenario.NewId(), new AgendaItemId(1), TimeSpan.FromMinutes(5)) { Actor = m.Facilitator },
        "end meeting" => m.EndMeeting(),
        "stale end turn" => new FacilitatorKit.Engine.Speakers.EndTurn(MeetingScenario.NewId(), new TurnId(99)) { Actor = m.Facilitator },
        "change format" => new ChangeFormat(MeetingScenario.NewId(), Formats.PeerSupportCircle) { Actor = m.Facilitator },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Decide_AnyCommand_NeverChangesTheStateGiven(string command)
    {
        var m = BenSpeakingCaiWaiting();
        var state = m.State;
        var before = StateSnapshot.Of(state);

        var decision = Meeting.Decide(state, Command(m, command), m.Now);

        Assert.Equal(before, StateSnapshot.Of(state));
        Assert.Equal(before, StateSnapshot.Of(Meeting.Replay(m.Id, m.History)));
        Assert.NotNull(decision);
    }

    [Fact]
    public void Decide_SameStateCommandAndTime_GivesTheSameEvents()
    {
        var m = BenSpeakingCaiWaiting();
        var next = m.NextSpeaker();

        var first = Meeting.Decide(m.State, next, m.Now);
        var second = Meeting.Decide(m.State, next, m.Now);

        Assert.Equal(2, first.Events.Count);
        Assert.Equal(first.Events, second.Events);
    }

    [Fact]
    public void Apply_LeavesTheStateGivenAsItWas()
    {
        var m = BenSpeakingCaiWaiting();
        var state = m.State;
        var before = StateSnapshot.Of(state);
        var events = Meeting.Decide(state, m.NextSpeaker(), m.Now).Events;

        var after = Meeting.Apply(state, events);

        Assert.Equal(before, StateSnapshot.Of(state));
        Assert.NotEqual(before, StateSnapshot.Of(after));
        Assert.Equal(StateSnapshot.Of(after), StateSnapshot.Of(Meeting.Apply(state, events)));
    }
}
