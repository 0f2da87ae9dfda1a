namespace FacilitatorKit.Engine;

/// <summary>The outcome of deciding a command: the events it causes, or why it was refused.</summary>
public sealed class Decision
{
    private static readonly Decision NothingToDo = new([], null, false);
    private static readonly Decision AlreadyHandled = new([], null, true);

    private Decision(IReadOnlyList<MeetingEvent> events, Refusal? refusal, bool wasDuplicate)
    {
        Events = events;
        Refusal = refusal;
        WasDuplicate = wasDuplicate;
    }

    public IReadOnlyList<MeetingEvent> Events { get; }
    public Refusal? Refusal { get; }
    public bool IsAccepted => Refusal is null;

    /// <summary>The command id was handled before; nothing happens again.</summary>
    public bool WasDuplicate { get; }

    public static Decision Accept(params MeetingEvent[] events) => events.Length == 0 ? NothingToDo : new(events, null, false);
    public static Decision Accept(IReadOnlyList<MeetingEvent> events) => events.Count == 0 ? NothingToDo : new(events, null, false);
    public static Decision Refuse(Refusal refusal) => new([], refusal, false);
    internal static Decision Duplicate => AlreadyHandled;

    public static implicit operator Decision(Refusal refusal) => Refuse(refusal);

    internal Decision StampedWith(CommandId cause)
    {
        if (Events.Count == 0)
        {
            return this;
        }

        var stamped = new MeetingEvent[Events.Count];
        for (var i = 0; i < stamped.Length; i++)
        {
            stamped[i] = Events[i] with { Cause = cause };
        }

        return new(stamped, null, false);
    }

    public override string ToString() => Refusal?.ToString() ?? $"{Events.Count} event(s)";
}
