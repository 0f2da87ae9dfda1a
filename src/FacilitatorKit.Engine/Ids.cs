namespace FacilitatorKit.Engine;

/// <summary>A meeting, stable across restarts.</summary>
public readonly record struct MeetingId(Guid Value)
{
    public static MeetingId New() => new(Guid.NewGuid());
    public override string ToString() => Value.ToString("N")[..8];
}

/// <summary>A person in a meeting. For a group member it is the member's id, so history follows them.</summary>
public readonly record struct ParticipantId(Guid Value)
{
    public static ParticipantId New() => new(Guid.NewGuid());
    public override string ToString() => Value.ToString("N")[..8];
}

/// <summary>An agenda item, numbered within its meeting.</summary>
public readonly record struct AgendaItemId(int Value)
{
    public override string ToString() => $"item {Value}";
}

/// <summary>A turn, numbered within its meeting.</summary>
public readonly record struct TurnId(int Value)
{
    public override string ToString() => $"turn {Value}";
}

/// <summary>Identifies one sending of a command, so a retry is applied once.</summary>
public readonly record struct CommandId(Guid Value)
{
    public static CommandId New() => new(Guid.NewGuid());
    public override string ToString() => Value.ToString("N")[..8];
}
