using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Application.Ports;

/// <summary>
/// The append-only log of each meeting's events: the meeting's truth, replayed to restore it. Storage implements it.
/// </summary>
public interface IMeetingLog
{
    /// <summary>
    /// Appends one command's events, if the meeting's log still holds exactly <paramref name="expectedVersion"/> events
    /// (else it throws, and nothing is written). Completes only once the events are durable. Each event is stored with
    /// <paramref name="who"/>: the role and the device that sent the command, never a name.
    /// </summary>
    Task AppendAsync(MeetingId meeting, long expectedVersion, CommandId command, IReadOnlyList<MeetingEvent> events, MeetingPhase phase, DateTimeOffset at, WhoActed who = default);

    /// <summary>The meeting's events after the first <paramref name="fromVersion"/>, in order (all of them from 0).</summary>
    Task<IReadOnlyList<MeetingEvent>> ReadAsync(MeetingId meeting, long fromVersion = 0, CancellationToken cancellationToken = default);

    /// <summary>Whether a meeting with this id exists (set up or not).</summary>
    Task<bool> ExistsAsync(MeetingId meeting, CancellationToken cancellationToken = default);

    /// <summary>The meetings that were set up or running when the app last stopped.</summary>
    Task<IReadOnlyList<MeetingId>> InProgressAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// Who sent a command, as the log keeps it beside its events (issue 12 §4: nobody could tell who ended a meeting): the
/// role it was sent in and the device it came from. Never a name. Both null for work done outside any device.
/// </summary>
public readonly record struct WhoActed(Role? Role, Guid? Device);
