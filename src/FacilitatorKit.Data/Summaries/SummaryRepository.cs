using System.Text.Json;
using FacilitatorKit.Application.Ports;
using FacilitatorKit.Application.Summaries;
using FacilitatorKit.Data.Model;
using FacilitatorKit.Data.Sessions;
using FacilitatorKit.Engine;
using Microsoft.EntityFrameworkCore;

namespace FacilitatorKit.Data.Summaries;

/// <summary>Summaries in SQLite: one row a version, each save an atomic insert of the next version.</summary>
public sealed class SummaryRepository(IDbContextFactory<FacilitatorKitDb> contexts) : ISummaryRepository
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<StoredSummary?> LatestAsync(MeetingId meeting, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.MeetingSummaries.AsNoTracking().Where(s => s.MeetingId == meeting.Value)
            .OrderByDescending(s => s.Version).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row is null ? null : Read(meeting, row);
    }

    public async Task<StoredSummary?> VersionAsync(MeetingId meeting, int version, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.MeetingSummaries.AsNoTracking()
            .FirstOrDefaultAsync(s => s.MeetingId == meeting.Value && s.Version == version, cancellationToken).ConfigureAwait(false);
        return row is null ? null : Read(meeting, row);
    }

    public async Task<int> CountAsync(MeetingId meeting, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.MeetingSummaries.CountAsync(s => s.MeetingId == meeting.Value, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> TryAddAsync(MeetingId meeting, int basedOnVersion, SummaryContent content, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var id = LogProjections.Id(meeting.Value);
        var when = LogProjections.Instant(at);
        var json = JsonSerializer.Serialize(content, Json);
        var next = basedOnVersion + 1;

        // One statement, so one write: stored only while the newest version is still the one the writer edited. The
        // key (MeetingId, Version) turns away a second save of the same version even so.
        return await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO "MeetingSummaries" ("MeetingId", "Version", "Content", "SavedAt")
            SELECT {id}, {next}, {json}, {when}
            WHERE (SELECT COALESCE(MAX("Version"), 0) FROM "MeetingSummaries" WHERE "MeetingId" = {id}) = {basedOnVersion}
            ON CONFLICT DO NOTHING
            """,
            cancellationToken).ConfigureAwait(false) == 1;
    }

    private static StoredSummary Read(MeetingId meeting, MeetingSummaryRecord row) =>
        new(meeting, row.Version, JsonSerializer.Deserialize<SummaryContent>(row.Content, Json)!, row.SavedAt);
}
