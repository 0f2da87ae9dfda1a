using System.Collections.Immutable;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using Microsoft.Extensions.Time.Testing;

namespace FacilitatorKit.Engine.Tests.Support;

/// <summary>
/// Given events / when command / then events or refusal. Givens are built by running commands, so the history
/// is real events; <see cref="History"/> holds them for replay checks.
/// <code>
/// var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana", "Ben");
/// m.Given(m.RaiseHand("Ben"));
/// m.When(m.NextSpeaker()).ThenEvents(new TurnStarted(...));
/// </code>
/// </summary>
public sealed class MeetingScenario
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 19, 0, 0, TimeSpan.Zero);

    private readonly List<MeetingEvent> _history = [];

    private MeetingScenario(MeetingId id)
    {
        Id = id;
        State = MeetingState.Initial(id);
    }

    public MeetingId Id { get; }
    public FakeTimeProvider Clock { get; } = new(Start);
    public DateTimeOffset Now => Clock.GetUtcNow();
    public MeetingState State { get; private set; }
    public IReadOnlyList<MeetingEvent> History => _history;
    public Dictionary<string, ParticipantId> People { get; } = [];

    public Actor Facilitator { get; } = Actor.Facilitator;
    public Actor CoFacilitator { get; } = Actor.CoFacilitator;

    /// <summary>Set up with these people in seating order; the first is the chair unless <paramref name="chair"/> says otherwise.</summary>
    public static MeetingScenario Gathering(MeetingFormat format, string[] names, string? chair = null, IReadOnlyDictionary<string, TimeSpan>? recentAirtime = null)
    {
        var m = new MeetingScenario(MeetingId.New());
        var people = names.Select(n => new Participant(m.Add(n), n)).ToImmutableArray();
        var recent = (recentAirtime ?? new Dictionary<string, TimeSpan>()).ToImmutableDictionary(kv => m.P(kv.Key), kv => kv.Value);
        m.Given(new SetUpMeeting(CommandId.New(), m.Id, format, people, names.Length == 0 ? null : m.P(chair ?? names[0]), recent) { Actor = Actor.Facilitator });
        return m;
    }

    /// <summary>Set up and started: the first item is running.</summary>
    public static MeetingScenario Running(MeetingFormat format, params string[] names)
    {
        var m = Gathering(format, names);
        m.Given(m.StartMeeting());
        return m;
    }

    public ParticipantId P(string name) => People[name];

    private ParticipantId Add(string name) => People[name] = ParticipantId.New();

    /// <summary>Runs commands that must be accepted; their events become the history.</summary>
    public MeetingScenario Given(params MeetingCommand[] commands)
    {
        foreach (var command in commands)
        {
            var decision = Meeting.Decide(State, command, Now);
            Assert.True(decision.IsAccepted, $"Given step {command.GetType().Name} was refused: {decision.Refusal}");
            Record(decision.Events);
        }

        return this;
    }

    /// <summary>Events that happened, applied as they are.</summary>
    public MeetingScenario GivenEvents(params MeetingEvent[] events)
    {
        Record(events);
        return this;
    }

    public MeetingScenario Wait(TimeSpan time)
    {
        Clock.Advance(time);
        return this;
    }

    public MeetingScenario WaitSeconds(double seconds) => Wait(TimeSpan.FromSeconds(seconds));

    public MeetingScenario WaitMinutes(double minutes) => Wait(TimeSpan.FromMinutes(minutes));

    /// <summary>Decides the command; if accepted, its events are applied and kept.</summary>
    public Outcome When(MeetingCommand command)
    {
        var before = State;
        var decision = Meeting.Decide(State, command, Now);
        Assert.Same(before, State);
        if (decision.IsAccepted)
        {
            Record(decision.Events);
        }

        return new Outcome(this, decision);
    }

    private void Record(IEnumerable<MeetingEvent> events)
    {
        foreach (var e in events)
        {
            _history.Add(e);
            State = Meeting.Apply(State, e);
        }
    }

    // Command helpers, sent by the facilitator unless an actor is given.
    public static CommandId NewId() => CommandId.New();
    public StartMeeting StartMeeting(Actor? by = null) => new(NewId()) { Actor = by ?? Facilitator };
    public EndMeeting EndMeeting(Actor? by = null) => new(NewId()) { Actor = by ?? Facilitator };
    public CancelMeeting CancelMeeting(Actor? by = null) => new(NewId()) { Actor = by ?? Facilitator };
    public NextItem NextItem(Actor? by = null) => new(NewId(), State.CurrentItemId) { Actor = by ?? Facilitator };
    public RaiseHand RaiseHand(string name, Actor? by = null) => new(NewId(), P(name)) { Actor = by ?? Facilitator };
    public LowerHand LowerHand(string name, Actor? by = null) => new(NewId(), P(name)) { Actor = by ?? Facilitator };
    public RaisePointOfProcess PointOfProcess(string name, Actor? by = null) => new(NewId(), P(name)) { Actor = by ?? Facilitator };
    public NextSpeaker NextSpeaker(Actor? by = null) => new(NewId(), State.CurrentTurn?.Id) { Actor = by ?? Facilitator };
    public EndTurn EndTurn(Actor? by = null) => new(NewId(), State.CurrentTurn!.Id) { Actor = by ?? Facilitator };
    public PauseTurn Pause(Actor? by = null) => new(NewId(), State.CurrentTurn!.Id) { Actor = by ?? Facilitator };
    public ResumeTurn Resume(Actor? by = null) => new(NewId(), State.CurrentTurn!.Id) { Actor = by ?? Facilitator };
    public ExtendTurn AddAMinute(Actor? by = null) => FacilitatorKit.Engine.Speakers.ExtendTurn.AddAMinute(NewId(), State.CurrentTurn!) with { Actor = by ?? Facilitator };
    public Pass Pass(Actor? by = null) => new(NewId(), State.CurrentTurn!.Id) { Actor = by ?? Facilitator };
    public PassForNow PassForNow(Actor? by = null) => new(NewId(), State.CurrentTurn!.Id) { Actor = by ?? Facilitator };
    public MarkParticipantLeft Leaves(string name, Actor? by = null) => new(NewId(), P(name)) { Actor = by ?? Facilitator };

    public MarkSteppedOut StepsOut(string name, Actor? by = null) => new(NewId(), P(name)) { Actor = by ?? Facilitator };

    public MarkSteppedBack IsBack(string name, Actor? by = null) => new(NewId(), P(name)) { Actor = by ?? Facilitator };

    public AddParticipant Arrives(string name, int? seat = null, ParticipantKind kind = ParticipantKind.Newcomer, Actor? by = null) =>
        new(NewId(), new Participant(People.TryGetValue(name, out var known) ? known : Add(name), name, kind), seat) { Actor = by ?? Facilitator };

    /// <summary>The name of whoever is speaking now, or null.</summary>
    public string? Speaker => State.CurrentTurn is { } t ? State.NameOf(t.Participant) : null;

    /// <summary>The names in the order they would be called.</summary>
    public IReadOnlyList<string> Order => [.. State.SpeakerOrder(Now).Select(e => State.NameOf(e.Participant))];

    /// <summary>Starts the next turn and asserts who got it.</summary>
    public MeetingScenario NextSpeakerIs(string expected)
    {
        When(NextSpeaker()).ThenAccepted();
        Assert.Equal(expected, Speaker);
        return this;
    }

    public sealed class Outcome(MeetingScenario scenario, Decision decision)
    {
        public Decision Decision => decision;
        public MeetingScenario Scenario => scenario;

        /// <summary>The events, compared as values (their cause is the command's id and is left out).</summary>
        public Outcome ThenEvents(params MeetingEvent[] expected)
        {
            Assert.True(decision.IsAccepted, $"Expected events but the command was refused: {decision.Refusal}");
            Assert.Equal(expected, decision.Events.Select(e => e with { Cause = default }));
            return this;
        }

        /// <summary>The event types, in order, when their values are checked separately.</summary>
        public Outcome ThenEventTypes(params Type[] expected)
        {
            Assert.True(decision.IsAccepted, $"Expected events but the command was refused: {decision.Refusal}");
            Assert.Equal(expected, decision.Events.Select(e => e.GetType()));
            return this;
        }

        public Outcome ThenAccepted()
        {
            Assert.True(decision.IsAccepted, $"Expected the command to be accepted but it was refused: {decision.Refusal}");
            return this;
        }

        public Outcome ThenNothingHappens()
        {
            Assert.True(decision.IsAccepted, $"Expected a no-op but the command was refused: {decision.Refusal}");
            Assert.Empty(decision.Events);
            return this;
        }

        public Refusal ThenRefused(RefusalCode code)
        {
            Assert.False(decision.IsAccepted, $"Expected a refusal ({code}) but got {decision.Events.Count} event(s).");
            Assert.Equal(code, decision.Refusal!.Code);
            return decision.Refusal;
        }

        public T OnlyEvent<T>()
            where T : MeetingEvent => Assert.Single(decision.Events.OfType<T>());
    }
}
