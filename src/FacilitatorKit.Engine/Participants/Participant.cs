namespace FacilitatorKit.Engine.Participants;

public enum ParticipantKind
{
    Member,
    Guest,
    Newcomer,
}

/// <summary>A person in the meeting, by first name or alias only. Seating order is the order of the participant list.</summary>
public sealed record Participant(ParticipantId Id, string Name, ParticipantKind Kind = ParticipantKind.Member)
{
    /// <summary>
    /// How a person whose name was erased (a member deleted from the group) reads in a meeting kept in the log: the log
    /// refers to people by id, and their names live apart, where they can be erased (DOMAIN.md rule 9).
    /// </summary>
    public const string RemovedName = "Removed member";

    /// <summary>False once they have left the meeting.</summary>
    public bool IsPresent { get; init; } = true;

    /// <summary>
    /// Out of the room for a while (DOMAIN.md: someone who steps out and comes back is the same person): they keep their
    /// seat, their airtime and their place in the queue or the go-round, which goes on without them until they are back.
    /// </summary>
    public bool IsSteppedOut { get; init; }
}
