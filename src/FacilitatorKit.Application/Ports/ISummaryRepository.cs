using FacilitatorKit.Application.Summaries;
using FacilitatorKit.Engine;

namespace FacilitatorKit.Application.Ports;

/// <summary>
/// Meeting summaries, every save kept as a new version (1, 2, 3…). Nothing is overwritten: an older version stays
/// readable after a newer one is saved.
/// </summary>
public interface ISummaryRepository
{
    /// <summary>The newest version; null when the summary was never saved.</summary>
    Task<StoredSummary?> LatestAsync(MeetingId meeting, CancellationToken cancellationToken = default);

    /// <summary>One version; null when there is no such version.</summary>
    Task<StoredSummary?> VersionAsync(MeetingId meeting, int version, CancellationToken cancellationToken = default);

    /// <summary>How many versions are stored (the newest version's number).</summary>
    Task<int> CountAsync(MeetingId meeting, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="content"/> as version <paramref name="basedOnVersion"/> + 1 if the newest stored version is
    /// still <paramref name="basedOnVersion"/> (0: none yet), in one atomic step. False, and nothing written, when another
    /// save got there first.
    /// </summary>
    Task<bool> TryAddAsync(MeetingId meeting, int basedOnVersion, SummaryContent content, DateTimeOffset at, CancellationToken cancellationToken = default);
}
