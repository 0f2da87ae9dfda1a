using FacilitatorKit.Engine;
using Microsoft.Extensions.Time.Testing;

namespace FacilitatorKit.Sample;

/// <summary>
/// One meeting driven the way the app will drive it: the engine decides each command at the clock's "now",
/// and every event it returns is applied and shown. The clock only moves when the script says so.
/// </summary>
internal sealed class ScriptedMeeting
{
    /// <summary>A fixed start, so every run prints the same times.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 19, 0, 0, TimeSpan.Zero);

    private readonly MeetingEngine _engine;
    private readonly MeetingView _view;
    private int _commandsSent;

    public ScriptedMeeting(MeetingId id, MeetingView view)
    {
        Clock = new FakeTimeProvider(Start);
        _engine = new MeetingEngine(Clock);
        _view = view;
        State = MeetingState.Initial(id);
    }

    public FakeTimeProvider Clock { get; }
    public DateTimeOffset Now => _engine.Now;
    public MeetingState State { get; private set; }

    /// <summary>Command ids in sending order, so a run is repeatable (a real device would use <see cref="CommandId.New"/>).</summary>
    public CommandId NextCommandId() => new(new Guid(++_commandsSent, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));

    /// <summary>Sends a command the script expects to be accepted; a refusal stops the script.</summary>
    public void Do(MeetingCommand command)
    {
        var decision = _engine.Decide(State, command);
        if (decision.Refusal is { } refusal)
        {
            throw ScriptStepFailedException.Refused(command, refusal);
        }

        foreach (var @event in decision.Events)
        {
            var before = State;
            State = Meeting.Apply(State, @event);
            _view.Render(@event, before, State, Now);
        }
    }

    public void Wait(TimeSpan time) => Clock.Advance(time);

    public void Wait(int minutes, int seconds) => Wait(new TimeSpan(0, minutes, seconds));

    public string NameOf(ParticipantId id) => State.NameOf(id);

    /// <summary>A line on the facilitator's console, stamped with the time.</summary>
    public void Line(string text) => _view.Line(Now, text);
}
