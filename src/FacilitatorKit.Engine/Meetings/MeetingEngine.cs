namespace FacilitatorKit.Engine;

/// <summary>The pure engine with a clock: time comes only through <see cref="TimeProvider"/>.</summary>
public sealed class MeetingEngine(TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public Decision Decide(MeetingState state, MeetingCommand command) => Meeting.Decide(state, command, Now);

    /// <summary>Decides and, when accepted, applies. The state given is never changed.</summary>
    public (MeetingState State, Decision Decision) Execute(MeetingState state, MeetingCommand command)
    {
        var decision = Decide(state, command);
        return (decision.IsAccepted ? Meeting.Apply(state, decision.Events) : state, decision);
    }
}
