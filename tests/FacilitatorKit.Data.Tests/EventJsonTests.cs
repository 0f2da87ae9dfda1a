using FacilitatorKit.Data.Events;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Chair;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using Microsoft.Extensions.Time.Testing;
using System.Collections.Immutable;
using FacilitatorKit.Testing;

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
            "HandLowered", "HandRaised", "MeetingCancelled", "MeetingEnded", "MeetingSetUp", "MeetingStarted", "NextMeetingPlanned",
            "ParticipantAdded", "ParticipantLeft", "ParticipantReturned", "ParticipantSteppedBack", "ParticipantSteppedOut",
            "PointOfProcessRaised", "QuietReserveReleased", "SpeakerChangeUndone", "TurnEnded", "TurnExtended", "TurnLimitChanged",
            "TurnPaused", "TurnPolicyChanged", "TurnResumed", "TurnStarted",
        ];

        Assert.Equal(expected, EventJson.KnownTypes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryEventType_RoundTrips_AndTheReplayEqualsTheLiveState()
    {
        var (live, events) = ScriptedMeeting();

        // The log keeps names apart (schema 6): they come back from there, as MeetingLog reads them.
        var names = events.SelectMany(EventJson.PeopleIn).ToDictionary(p => p.Id, p => p.Name);
        var copies = events.Select(e => EventJson.WithNames(EventJson.Deserialize(EventJson.TypeName(e), EventJson.Serialize(e)), id => names.GetValueOrDefault(id))).ToList();
        var replayed = Meeting.Replay(live.Id, copies);

        var cancelled = CancelledMeeting();
        Assert.Equal(EventJson.KnownTypes.Order(StringComparer.Ordinal), events.Concat(cancelled).Select(e => e.GetType().Name).Distinct().Order(StringComparer.Ordinal));
        var cancelledCopies = cancelled.Select(e => EventJson.WithNames(EventJson.Deserialize(EventJson.TypeName(e), EventJson.Serialize(e)), _ => "Ana")).ToList();
        Assert.Equal(cancelled, cancelledCopies);
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
        Assert.Equal(live.NextMeeting, replayed.NextMeeting);
    }

    /// <summary>
    /// Issue 13 §4: the log is append-only, so a name written into it could never be erased. The events that introduce
    /// people write them by id, kind and presence only, and their JSON is pinned here.
    /// </summary>
    [Fact]
    public void PeopleAreWrittenById_NeverByName()
    {
        var id = new ParticipantId(Guid.Parse("6f1c1b8e-2f4a-4c59-9d8e-0a1b2c3d4e5f"));
        var added = new ParticipantAdded(new Participant(id, "Zoë Quill", ParticipantKind.Guest), 2);
        Assert.StartsWith("""{"participant":{"id":"6f1c1b8e-2f4a-4c59-9d8e-0a1b2c3d4e5f","kind":"Guest","isPresent":true,"isSteppedOut":false},"seat":2,""", EventJson.Serialize(added), StringComparison.Ordinal);

        var (_, events) = ScriptedMeeting();
        foreach (var e in events)
        {
            var json = EventJson.Serialize(e);
            Assert.DoesNotContain("\"name\"", json, StringComparison.Ordinal);
            Assert.DoesNotContain("Ana", json, StringComparison.Ordinal);
            Assert.DoesNotContain("Ben", json, StringComparison.Ordinal);
            Assert.DoesNotContain("Cai", json, StringComparison.Ordinal);
        }
    }

    /// <summary>A person whose name was erased (a member deleted from the group) reads as "Removed member"; the rest of the event is as written.</summary>
    [Fact]
    public void APersonWithoutAName_ReadsAsRemovedMember()
    {
        var ana = new Participant(ParticipantId.New(), "Ana");
        var ben = new Participant(ParticipantId.New(), "Ben", ParticipantKind.Newcomer);
        var setUp = new MeetingSetUp(MeetingId.New(), SessionFixture.Start, "Short check-in", [], [ana, ben], ana.Id, ImmutableDictionary<ParticipantId, TimeSpan>.Empty);

        var read = (MeetingSetUp)EventJson.WithNames(EventJson.Deserialize("MeetingSetUp", EventJson.Serialize(setUp)), id => id == ben.Id ? "Ben" : null);

        Assert.Equal([ana with { Name = Participant.RemovedName }, ben], read.Participants.ToArray());
        Assert.Equal("Removed member", Participant.RemovedName);
    }

    [Fact]
    public void Deserialize_UnknownType_SaysSoClearly()
    {
        var error = Assert.Throws<InvalidDataException>(() => EventJson.Deserialize("SomethingElse", "{}"));
        Assert.Contains("unknown type 'SomethingElse'", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A meeting set up and called off before it started: the one event a meeting that runs never has.</summary>
    private static List<MeetingEvent> CancelledMeeting()
    {
        var id = MeetingId.New();
        var state = MeetingState.Initial(id);
        var events = new List<MeetingEvent>();
        foreach (var command in new MeetingCommand[]
        {
            new SetUpMeeting(CommandId.New(), id, SessionFixture.Format, [new Participant(ParticipantId.New(), "Ana")]) { Actor = Actor.Facilitator },
            new CancelMeeting(CommandId.New()) { Actor = Actor.Facilitator },
        })
        {
            var decision = Meeting.Decide(state, command, SessionFixture.Start);
            events.AddRange(decision.Events);
            state = Meeting.Apply(state, decision.Events);
        }

        return events.Count == 2 ? [events[1]] : throw new InvalidOperationException("The meeting was not cancelled.");
    }

    /// <summary>A meeting that produces every kind of event at least once.</summary>
    private static (MeetingState State, List<MeetingEvent> Events) ScriptedMeeting()
    {
        var clock = new FakeTimeProvider(SessionFixture.Start);
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
        Do(new SetUpMeeting(Id(), state.Id, other, [ana, ben], ana.Id, new Dictionary<ParticipantId, TimeSpan> { [ben.Id] = TimeSpan.FromMinutes(3) }.ToImmutableDictionary()) { Actor = me });
        Do(new ChangeFormat(Id(), SessionFixture.Format) { Actor = me });
        Do(new StartMeeting(Id()) { Actor = me });
        var first = state.CurrentItemId!.Value;
        Do(new AddAgendaItem(Id(), new AgendaItemPlan("Sharing", AgendaItemKind.Sharing, TimeSpan.FromMinutes(30), TurnPolicy.Balanced, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5)), 1) { Actor = me });
        Do(new AddAgendaItem(Id(), new AgendaItemPlan("Extra", AgendaItemKind.Resources, TimeSpan.FromMinutes(5))) { Actor = me });
        var sharing = state.Agenda[1].Id;
        var extra = state.Agenda[^1].Id;
        Do(new MoveAgendaItem(Id(), extra, 2) { Actor = me });
        Do(new ExtendAgendaItem(Id(), sharing, TimeSpan.FromMinutes(2)) { Actor = me });
        Do(new ChangeTurnLimit(Id(), first, TimeSpan.FromMinutes(3)) { Actor = me });
        Do(new SkipAgendaItem(Id(), extra) { Actor = me });
        Do(new RemoveAgendaItem(Id(), extra) { Actor = me });
        Do(new AddParticipant(Id(), cai, 1) { Actor = me });
        Do(new RaiseHand(Id(), ben.Id) { Actor = me });
        Do(new LowerHand(Id(), ben.Id) { Actor = me });
        Do(new RaisePointOfProcess(Id(), cai.Id) { Actor = me });
        Do(new NextSpeaker(Id(), null) { Actor = me });
        Do(new PauseTurn(Id(), state.CurrentTurn!.Id) { Actor = me });
        Do(new ResumeTurn(Id(), state.CurrentTurn!.Id) { Actor = me });
        Do(ExtendTurn.AddAMinute(Id(), state.CurrentTurn!.Id) with { Actor = me });
        Do(new EndTurn(Id(), state.CurrentTurn!.Id) { Actor = me });
        Do(new SignalBreak(Id(), ben.Id) { Actor = Actor.Member(ben.Id) });
        Do(new AnswerBreakRequest(Id(), ben.Id) { Actor = me });
        Do(new HandOverChair(Id(), ana.Id, cai.Id) { Actor = me });
        Do(new NextItem(Id(), first) { Actor = me });
        Do(new ChangeTurnPolicy(Id(), sharing, TurnPolicy.GoRound) { Actor = me });
        Do(new NextSpeaker(Id(), null) { Actor = me });
        Do(new NextSpeaker(Id(), state.CurrentTurn!.Id) { Actor = me }); // a second press, taken back
        Do(new UndoSpeakerChange(Id(), state.CurrentTurn!.Id) { Actor = me });
        Do(new Pass(Id(), state.CurrentTurn!.Id) { Actor = me });
        Do(new ReleaseQuietReserve(Id(), sharing) { Actor = me });
        Do(new MarkSteppedOut(Id(), cai.Id) { Actor = me });
        Do(new MarkSteppedBack(Id(), cai.Id) { Actor = me });
        Do(new MarkParticipantLeft(Id(), ben.Id) { Actor = me });
        Do(new AddParticipant(Id(), ben) { Actor = me });
        Do(new PlanNextMeeting(Id(), new DateOnly(2026, 11, 29), "Library 📚 <room 2>") { Actor = me });
        Do(new EndMeeting(Id()) { Actor = me });
        return (state, events);
    }
}
