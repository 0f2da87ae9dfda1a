namespace FacilitatorKit.Engine.Speakers;

public enum QueueEntryKind
{
    /// <summary>They raised a hand (or someone did on their behalf).</summary>
    Hand,

    /// <summary>Put at the front by a facilitator role, for a process point or a safety concern.</summary>
    PointOfProcess,

    /// <summary>Their place in the go-round.</summary>
    GoRound,
}

/// <summary>One person waiting to speak. The list order is the order they joined the queue.</summary>
/// <param name="PassedForNow">They said "pass for now" in this go-round, and were moved to its end.</param>
public sealed record QueueEntry(ParticipantId Participant, QueueEntryKind Kind, DateTimeOffset QueuedAt, bool PassedForNow = false);
