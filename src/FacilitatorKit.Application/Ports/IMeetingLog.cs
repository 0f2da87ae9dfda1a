using FacilitatorKit.Engine;

namespace FacilitatorKit.Application.Ports;

/// <summary>
/// The append-only log of each meeting's events: the meeting's truth, replayed to restore it. Storage implements it.
/// </summary>
public interface IMeetingLog
{
    /// <summary>
    /// Appends one command's events, if the meeting's log still holds exactly <paramref name="expectedVersion"/> events
    /// (else it throws, and nothing is written). Completes only once the events are durable.
    /// </summary>
    Task AppendAsync(MeetingId meeting, long expectedVersion, CommandId command, IReadOnlyList<MeetingEvent> events, MeetingPhase phase, DateTimeOffset at);

    /// <summary>The meeting's events after the first <paramref name="fromVersion"/>, in order (all of them from 0).</summary>
    Task<IReadOnlyList<MeetingEvent>> ReadAsync(MeetingId meeting, long fromVersion = 0, CancellationToken cancellationToken = default);

    /// <summary>Whether a meeting with this id exists (set up or not).</summary>
    Task<bool> ExistsAsync(MeetingId meeting, CancellationToken cancellationToken = default);

    /// <summary>The meetings that were set up or running when the app last stopped.</summary>
    Task<IReadOnlyList<MeetingId>> InProgressAsync(CancellationToken cancellationToken = default);
}
