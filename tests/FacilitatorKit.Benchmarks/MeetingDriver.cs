using System.Collections.Immutable;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Benchmarks;

/// <summary>
/// Drives a meeting through the engine the way a facilitator's laptop would, keeping every event (the log) and,
/// optionally, every command with the instant it was decided at (so it can be decided again from the same state).
/// </summary>
public sealed class MeetingDriver
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 19, 0, 0, TimeSpan.Zero);
    public static readonly MeetingId MeetingId = new(new Guid(0xbe, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1));

    private readonly List<MeetingEvent> _log = [];
    private readonly List<(MeetingCommand Command, DateTimeOffset At)> _sent = [];
    private int _commandsSent;

    private MeetingDriver(MeetingState state, DateTimeOffset now)
    {
        State = state;
        Now = now;
    }

    public MeetingState State { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public Actor Facilitator { get; } = Actor.Facilitator;
    /// <summary>Everyone who came, in seating order, including anyone who has left.</summary>
    public ImmutableArray<ParticipantId> People => [.. State.Participants.Select(p => p.Id)];

    /// <summary>The people still here, in seating order.</summary>
    public ImmutableArray<ParticipantId> Present => [.. State.PresentParticipants.Select(p => p.Id)];
    public IReadOnlyList<MeetingEvent> Log => _log;
    public IReadOnlyList<(MeetingCommand Command, DateTimeOffset At)> Sent => _sent;

    /// <summary>A meeting set up with <paramref name="people"/> participants (the first chairs) and started.</summary>
    public static MeetingDriver Started(MeetingFormat format, int people)
    {
        var driver = new MeetingDriver(MeetingState.Initial(MeetingId), Start);
        var participants = Enumerable.Range(1, people)
            .Select(n => new Participant(new ParticipantId(new Guid(n, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), $"Person {n}"))
            .ToImmutableArray();
        driver.Do(new SetUpMeeting(driver.NextId(), MeetingId, format, participants, participants[0].Id) { Actor = driver.Facilitator });
        driver.Do(new StartMeeting(driver.NextId()) { Actor = driver.Facilitator });
        return driver;
    }

    /// <summary>Carries on from another driver's state, with an empty log: for recording a command mix.</summary>
    public static MeetingDriver ContinuingFrom(MeetingDriver other) => new(other.State, other.Now) { _commandsSent = other._commandsSent };

    public CommandId NextId() => new(new Guid(++_commandsSent, 0xc, 0, 0, 0, 0, 0, 0, 0, 0, 0));

    /// <summary>Decides and applies; a refusal is kept (it is part of a realistic mix) and reported to the caller.</summary>
    public Decision Do(MeetingCommand command, bool refusalExpected = false)
    {
        var decision = Meeting.Decide(State, command, Now);
        if (decision.IsAccepted == refusalExpected)
        {
            throw new InvalidOperationException($"{command.GetType().Name}: expected {(refusalExpected ? "a refusal" : "it to be accepted")}, got {decision}.");
        }

        _sent.Add((command, Now));
        foreach (var @event in decision.Events)
        {
            State = Meeting.Apply(State, @event);
            _log.Add(@event);
        }

        return decision;
    }

    public void Wait(int seconds) => Now += TimeSpan.FromSeconds(seconds);
}
