using FacilitatorKit.Data.Events;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Chair;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Engine.Time;
using System.Collections.Immutable;

namespace FacilitatorKit.Data.Tests;

public class EventJsonTests
{
    /// <summary>The names written to the log. Renaming an event class changes the schema: this list must change with a migration.</summary>
    [Fact]
    public void KnownTypes_ArePinned()
    {
        string[] expected =
        [
            "AgendaItemAdded", "AgendaItemEnded", "AgendaItemExtended", "AgendaItemMoved", "AgendaItemRemoved", "AgendaItemSkipped",
            "AgendaItemStarted", "BreakRequestAnswered", "BreakRequested", "ChairHandedOver", "FormatChanged", "GoRoundStarted",
            "HandLowered", "HandRaised", "MeetingEnded", "MeetingSetUp", "MeetingStarted", "ParticipantAdded", "ParticipantLeft",
            "ParticipantReturned", "PointOfProcessRaised", "QuietReserveReleased", "TurnEnded", "TurnExtended", "TurnLimitChanged",
            "TurnPaused", "TurnPolicyChanged", "TurnResumed", "TurnStarted",
        ];

        Assert.Equal(expected, EventJson.KnownTypes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryEventType_RoundTrips_AndTheReplayEqualsTheLiveState()
    {
        var (live, events) = ScriptedMeeting();

        var copies = events.Select(e => EventJson.Deserialize(EventJson.TypeName(e), EventJson.Serialize(e))).ToList();
        var replayed = Meeting.Replay(live.Id, copies);

        Assert.Equal(EventJson.KnownTypes.Order(StringComparer.Ordinal), events.Select(e => e.GetType().Name).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(events.Select(e => e.Cause), copies.Select(e => e.Cause));
        Assert.Equal(FacilitatorKit.FaultRunner.StateDigest.Of(live), FacilitatorKit.FaultRunner.StateDigest.Of(replayed));
        Assert.Equal(live.Version, replayed.Version);
        Assert.Equal(live.Participants, replayed.Participants);
        Assert.Equal(live.Agenda, replayed.Agenda);
        Assert.Equal(live.Ledger, replayed.Ledger);
        Assert.Equal(live.RecentAirtime, replayed.RecentAirtime);
        Assert.Equal(live.ChairHistory, replayed.ChairHistory);
        Assert.True(live.HandledCommands.SetEquals(replayed.HandledCommands));
        Assert.Equal(live.FormatName, replayed.FormatName);
    }

    [Fact]
    public void Deserialize_UnknownType_SaysSoClearly()
    {
        var error = Assert.Throws<InvalidDataException>(() => EventJson.Deserialize("SomethingElse", "{}"));
        Assert.Contains("unknown type 'SomethingElse'", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A meeting that produces every kind of event at least once.</summary>
    private static (MeetingState State, List<MeetingEvent> Events) ScriptedMeeting()
    {
        var clock = new ManualClock(SessionFixture.Start);
        var engine = new MeetingEngine(clock);
        var me = Actor.Facilitator;
        var state = MeetingState.Initial(MeetingId.New());
        var events = new List<MeetingEvent>();
        Participant ana = new(ParticipantId.New(), "Ana"), ben = new(ParticipantId.New(), "<b>Ben</b>"), cai = new(ParticipantId.New(), "Cai 🌻");

        void Do(MeetingCommand command)
        {
            var decision = engine.Decide(state, command);
            Assert.True(decision.IsAccepted, $"{command.GetType().Name}: {decision.Refusal}");
            events.AddRange(decision.Events);
            state = Meeting.Apply(state, decision.Events);
            clock.Advance(TimeSpan.FromSeconds(20));
        }

        CommandId Id() => CommandId.New();
        var other = new MeetingFormat("Other", [new("Only", AgendaItemKind.Sharing, TimeSpan.FromMinutes(5))]);
        Do(new SetUpMeeting(Id(), me, state.Id, other, [ana, ben], ana.Id, new Dictionary<ParticipantId, TimeSpan> { [ben.Id] = TimeSpan.FromMinutes(3) }.ToImmutableDictionary()));
        Do(new ChangeFormat(Id(), me, SessionFixture.Format));
        Do(new StartMeeting(Id(), me));
        var first = state.CurrentItemId!.Value;
        Do(new AddAgendaItem(Id(), me, new AgendaItemPlan("Sharing", AgendaItemKind.Sharing, TimeSpan.FromMinutes(30), TurnPolicy.Balanced, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5)), 1));
        Do(new AddAgendaItem(Id(), me, new AgendaItemPlan("Extra", AgendaItemKind.Resources, TimeSpan.FromMinutes(5))));
        var sharing = state.Agenda[1].Id;
        var extra = state.Agenda[^1].Id;
        Do(new MoveAgendaItem(Id(), me, extra, 2));
        Do(new ExtendAgendaItem(Id(), me, sharing, TimeSpan.FromMinutes(2)));
        Do(new ChangeTurnLimit(Id(), me, first, TimeSpan.FromMinutes(3)));
        Do(new SkipAgendaItem(Id(), me, extra));
        Do(new RemoveAgendaItem(Id(), me, extra));
        Do(new AddParticipant(Id(), me, cai, 1));
        Do(new RaiseHand(Id(), me, ben.Id));
        Do(new LowerHand(Id(), me, ben.Id));
        Do(new RaisePointOfProcess(Id(), me, cai.Id));
        Do(new NextSpeaker(Id(), me, null));
        Do(new PauseTurn(Id(), me, state.CurrentTurn!.Id));
        Do(new ResumeTurn(Id(), me, state.CurrentTurn!.Id));
        Do(ExtendTurn.AddAMinute(Id(), me, state.CurrentTurn!.Id));
        Do(new EndTurn(Id(), me, state.CurrentTurn!.Id));
        Do(new SignalBreak(Id(), Actor.Member(ben.Id), ben.Id));
        Do(new AnswerBreakRequest(Id(), me, ben.Id));
        Do(new HandOverChair(Id(), me, ana.Id, cai.Id));
        Do(new NextItem(Id(), me, first));
        Do(new ChangeTurnPolicy(Id(), me, sharing, TurnPolicy.GoRound));
        Do(new NextSpeaker(Id(), me, null));
        Do(new Pass(Id(), me, state.CurrentTurn!.Id));
        Do(new ReleaseQuietReserve(Id(), me, sharing));
        Do(new MarkParticipantLeft(Id(), me, ben.Id));
        Do(new AddParticipant(Id(), me, ben));
        Do(new EndMeeting(Id(), me));
        return (state, events);
    }
}
