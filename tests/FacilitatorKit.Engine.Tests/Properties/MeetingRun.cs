using System.Collections.Immutable;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Engine.Tests.Support;

namespace FacilitatorKit.Engine.Tests.Properties;

/// <summary>What one step did: the command sent (none for a wait), the state it was decided on, and the decision.</summary>
public sealed record StepResult(Step Step, MeetingCommand? Command, MeetingState Before, Decision? Decision)
{
    public bool Accepted => Decision is { IsAccepted: true };
}

/// <summary>
/// Plays a <see cref="MeetingScript"/> through <see cref="Meeting.Decide"/> and <see cref="Meeting.Apply(MeetingState, MeetingEvent)"/>
/// with a clock that only moves forward, keeping every event for replay. Ids are deterministic, so a script
/// always plays out the same way.
/// </summary>
public sealed class MeetingRun
{
    private readonly List<MeetingEvent> _events = [];
    private readonly List<ParticipantId> _everyone = [];
    private int _commands;
    private MeetingCommand? _lastCommand;

    private MeetingRun()
    {
    }

    public MeetingId Id { get; } = new(new Guid(0x5eed, 0, 0, new byte[8]));
    public MeetingState State { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; } = MeetingScenario.Start;
    public IReadOnlyList<MeetingEvent> Events => _events;

    /// <summary>Plays the script; <paramref name="afterEachStep"/> sees the run after every step (state applied, clock moved).</summary>
    public static MeetingRun Play(MeetingScript script, Action<MeetingRun, StepResult>? afterEachStep = null, Action<MeetingRun, MeetingCommand>? beforeEachDecide = null)
    {
        ArgumentNullException.ThrowIfNull(script);
        var run = new MeetingRun();
        run.SetUp(script);
        foreach (var step in script.Steps)
        {
            var result = run.Do(step, beforeEachDecide);
            afterEachStep?.Invoke(run, result);
        }

        return run;
    }

    private void SetUp(MeetingScript script)
    {
        var people = Enumerable.Range(0, script.GroupSize).Select(i => new Participant(NewPerson(), $"Person {i + 1}")).ToImmutableArray();
        var recent = people.Select((p, i) => (p.Id, Minutes: script.RecentMinutes.IsDefaultOrEmpty ? 0 : script.RecentMinutes[i % script.RecentMinutes.Length]))
            .Where(r => r.Minutes > 0)
            .ToImmutableDictionary(r => r.Id, r => TimeSpan.FromMinutes(r.Minutes));

        State = MeetingState.Initial(Id);
        Must(new SetUpMeeting(NextCommandId(), Id, Formats.PeerSupportCircle, people, people[script.ChairSeat % people.Length].Id, recent) { Actor = Actor.Facilitator });
        Now += TimeSpan.FromMinutes(2);
        Must(new StartMeeting(NextCommandId()) { Actor = Actor.Facilitator });
        for (var i = 0; i < script.StartAtItem && State.Agenda.Exists(item => item.Status == AgendaItemStatus.Pending); i++)
        {
            Now += TimeSpan.FromMinutes(1);
            Must(new NextItem(NextCommandId(), State.CurrentItemId) { Actor = Actor.Facilitator });
        }
    }

    private StepResult Do(Step step, Action<MeetingRun, MeetingCommand>? beforeEachDecide)
    {
        if (step.Act == Act.Wait)
        {
            Now += TimeSpan.FromSeconds(step.Seconds);
            return new StepResult(step, null, State, null);
        }

        var command = Build(step);
        if (command is null)
        {
            return new StepResult(step, null, State, null);
        }

        var before = State;
        beforeEachDecide?.Invoke(this, command);
        var decision = Meeting.Decide(State, command, Now);
        if (decision.IsAccepted)
        {
            Record(decision.Events);
        }

        _lastCommand = command;
        return new StepResult(step, command, before, decision);
    }

    private MeetingCommand? Build(Step step)
    {
        var who = Person(step.Person);
        var speaker = State.CurrentTurn?.Participant ?? who;
        return step.Act switch
        {
            Act.RaiseHand => new RaiseHand(NextCommandId(), who) { Actor = ActorFor(step, who) },
            Act.LowerHand => new LowerHand(NextCommandId(), who) { Actor = ActorFor(step, who) },
            Act.PointOfProcess => new RaisePointOfProcess(NextCommandId(), who) { Actor = ActorFor(step, who) },
            Act.NextSpeaker => new NextSpeaker(NextCommandId(), step.Stale ? StaleEnding() : State.CurrentTurn?.Id) { Actor = ActorFor(step, speaker) },
            Act.Pause => new PauseTurn(NextCommandId(), NamedTurn(step)) { Actor = ActorFor(step, speaker) },
            Act.Resume => new ResumeTurn(NextCommandId(), NamedTurn(step)) { Actor = ActorFor(step, speaker) },
            Act.AddAMinute => ExtendTurn.AddAMinute(NextCommandId(), NamedTurn(step)) with { Actor = ActorFor(step, speaker) },
            Act.EndTurn => new EndTurn(NextCommandId(), NamedTurn(step)) { Actor = ActorFor(step, speaker) },
            Act.Pass => new Pass(NextCommandId(), NamedTurn(step)) { Actor = ActorFor(step, speaker) },
            Act.PassForNow => new PassForNow(NextCommandId(), NamedTurn(step)) { Actor = ActorFor(step, speaker) },
            Act.NextItem => new NextItem(NextCommandId(), step.Stale ? StaleItem() : State.CurrentItemId) { Actor = ActorFor(step, who) },
            Act.Leaves => new MarkParticipantLeft(NextCommandId(), who) { Actor = ActorFor(step, who) },
            Act.Arrives => Arrival(step, who),
            Act.EndMeeting => new EndMeeting(NextCommandId()) { Actor = ActorFor(step, who) },
            Act.Retry => _lastCommand,
            _ => null,
        };
    }

    /// <summary>
    /// Every third arrival is a newcomer taking a seat; otherwise someone known comes (back). A newcomer whose
    /// arrival was refused is still "known" to the script, so later steps may name someone the meeting lacks.
    /// </summary>
    private AddParticipant Arrival(Step step, ParticipantId known)
    {
        if (step.Person % 3 != 0)
        {
            var person = State.FindParticipant(known) ?? new Participant(known, "Someone who was turned away", ParticipantKind.Guest);
            return new AddParticipant(NextCommandId(), person) { Actor = ActorFor(step, known) };
        }

        var newcomer = new Participant(NewPerson(), $"Newcomer {_everyone.Count}", ParticipantKind.Newcomer);
        return new AddParticipant(NextCommandId(), newcomer, step.Seconds % (State.Participants.Count + 1)) { Actor = ActorFor(step, newcomer.Id) };
    }

    private static Actor ActorFor(Step step, ParticipantId subject) => step.Sender switch
    {
        Sender.CoFacilitator => Actor.CoFacilitator,
        Sender.Self => Actor.Member(subject),
        Sender.Display => Actor.Display,
        _ => Actor.Facilitator,
    };

    private ParticipantId Person(int index) => _everyone[index % _everyone.Count];

    /// <summary>The turn under way, or (stale, or nobody speaking) one that has already ended.</summary>
    private TurnId NamedTurn(Step step) =>
        !step.Stale && State.CurrentTurn is { } turn ? turn.Id : new TurnId(Math.Max(0, State.LastTurnNumber - (State.CurrentTurn is null ? 0 : 1)));

    private TurnId? StaleEnding() => State.CurrentTurn is null
        ? new TurnId(Math.Max(1, State.LastTurnNumber))
        : State.LastTurnNumber > 1 ? new TurnId(State.LastTurnNumber - 1) : null;

    private AgendaItemId? StaleItem() =>
        State.Agenda.FindLast(i => i.Status == AgendaItemStatus.Done)?.Id ?? new AgendaItemId(99);

    private void Must(MeetingCommand command)
    {
        var decision = Meeting.Decide(State, command, Now);
        Assert.True(decision.IsAccepted, $"Set-up step {command.GetType().Name} was refused: {decision.Refusal}");
        Record(decision.Events);
    }

    private void Record(IEnumerable<MeetingEvent> events)
    {
        foreach (var e in events)
        {
            _events.Add(e);
            State = Meeting.Apply(State, e);
        }
    }

    private ParticipantId NewPerson()
    {
        var id = new ParticipantId(new Guid(_everyone.Count + 1, 0, 0, new byte[8]));
        _everyone.Add(id);
        return id;
    }

    private CommandId NextCommandId() => new(new Guid(0, 0, 0, BitConverter.GetBytes((long)++_commands)));
}
