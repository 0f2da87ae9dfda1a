namespace FacilitatorKit.Engine;

/// <summary>Why a command was refused.</summary>
public enum RefusalCode
{
    /// <summary>The sender's role does not allow this.</summary>
    NotPermitted,

    /// <summary>The state the command named has already moved on (another device got there first).</summary>
    AlreadyChanged,

    /// <summary>The command does not fit the meeting as it is now.</summary>
    NotNow,

    /// <summary>The command names a person or item the meeting does not have.</summary>
    NotFound,

    /// <summary>The command's values are out of range.</summary>
    Invalid,
}

/// <summary>A typed, readable reason a command was refused. Refusals are values, never exceptions.</summary>
public sealed record Refusal(RefusalCode Code, string Reason)
{
    public static Refusal NotPermitted(string reason) => new(RefusalCode.NotPermitted, reason);
    public static Refusal AlreadyChanged(string reason) => new(RefusalCode.AlreadyChanged, reason);
    public static Refusal NotNow(string reason) => new(RefusalCode.NotNow, reason);
    public static Refusal NotFound(string reason) => new(RefusalCode.NotFound, reason);
    public static Refusal Invalid(string reason) => new(RefusalCode.Invalid, reason);

    public override string ToString() => $"{Code}: {Reason}";
}
