using FacilitatorKit.Application.Validation;
using FacilitatorKit.Engine;

namespace FacilitatorKit.Application.Meetings;

public enum CommandStatus
{
    /// <summary>Stored (or, for a retry, stored before) and published.</summary>
    Accepted,

    /// <summary>The engine refused it (role, stale state, not now); nothing was written.</summary>
    Refused,

    /// <summary>The input failed validation at the boundary; nothing was written.</summary>
    Invalid,
}

/// <summary>What happened to a command. An acknowledgement (Accepted) is only ever given after the commit.</summary>
public sealed record CommandOutcome(
    CommandStatus Status,
    MeetingState State,
    IReadOnlyList<MeetingEvent> Events,
    Refusal? Refusal = null,
    IReadOnlyList<FieldError>? Errors = null)
{
    public bool IsAccepted => Status == CommandStatus.Accepted;

    /// <summary>The one problem to tell the person about: the refusal, or the first field's problem.</summary>
    public FieldError? Problem => Refusal is { } refusal ? FieldError.From("Command", refusal) : Errors is { Count: > 0 } errors ? errors[0] : null;
}
