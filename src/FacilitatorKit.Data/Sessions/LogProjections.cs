using System.Data.Common;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Chair;
using FacilitatorKit.Engine.Participants;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FacilitatorKit.Data.Sessions;

/// <summary>
/// What the group's history keeps of a meeting, written in the same transaction as the log so the two never
/// disagree: attendance (members only), the chair of the day and every handover, and when it started and ended.
/// Guests and newcomers are not members, so nothing about them outlives the meeting's own log.
/// Until the meeting starts, its chair row is only the chair it will start with (a handover replaces it), dated at
/// the start; the chair rota reads started meetings only. A cancelled meeting leaves no attendance and no chairing.
/// </summary>
internal sealed class LogProjections(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    private static readonly DateTimeOffsetToBinaryConverter Instants = new();
    private readonly List<DbCommand> _commands = [];

    public async Task ProjectAsync(MeetingId meeting, MeetingEvent @event)
    {
        switch (@event)
        {
            case MeetingSetUp setUp:
                foreach (var person in setUp.Participants)
                {
                    await AttendedAsync(meeting, person.Id).ConfigureAwait(false);
                }

                if (setUp.Chair is { } chair)
                {
                    await ChairAsync(meeting, chair, setUp.At, Model.ChairChange.OfTheDay).ConfigureAwait(false);
                }

                break;
            case ParticipantAdded added:
                await AttendedAsync(meeting, added.Participant.Id).ConfigureAwait(false);
                break;
            case ChairHandedOver handover:
                await ExecuteAsync("""
                    DELETE FROM "ChairHistory" WHERE "MeetingId" = $meeting
                    AND EXISTS (SELECT 1 FROM "Meetings" WHERE "Id" = $meeting AND "StartedAt" IS NULL);
                    """, ("$meeting", Id(meeting.Value))).ConfigureAwait(false);
                await ChairAsync(meeting, handover.To, handover.At, Model.ChairChange.Handover).ConfigureAwait(false);
                break;
            case MeetingStarted started:
                await ExecuteAsync("""
                    UPDATE "Meetings" SET "StartedAt" = $at WHERE "Id" = $meeting;
                    UPDATE "ChairHistory" SET "At" = $at WHERE "MeetingId" = $meeting;
                    """, ("$meeting", Id(meeting.Value)), ("$at", Instant(started.At))).ConfigureAwait(false);
                break;
            case MeetingCancelled:
                await ExecuteAsync("""
                    DELETE FROM "Attendance" WHERE "MeetingId" = $meeting;
                    DELETE FROM "ChairHistory" WHERE "MeetingId" = $meeting;
                    """, ("$meeting", Id(meeting.Value))).ConfigureAwait(false);
                break;
            case MeetingEnded ended:
                await ExecuteAsync("""UPDATE "Meetings" SET "EndedAt" = $at WHERE "Id" = $meeting;""", ("$meeting", Id(meeting.Value)), ("$at", Instant(ended.At))).ConfigureAwait(false);
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }
    }

    private Task AttendedAsync(MeetingId meeting, ParticipantId person) => ExecuteAsync("""
        INSERT OR IGNORE INTO "Attendance" ("MeetingId", "MemberId")
        SELECT $meeting, $member WHERE EXISTS (SELECT 1 FROM "Members" WHERE "Id" = $member);
        """, ("$meeting", Id(meeting.Value)), ("$member", Id(person.Value)));

    // Before the start, any change of chair is still the chair of the day.
    private Task ChairAsync(MeetingId meeting, ParticipantId person, DateTimeOffset at, Model.ChairChange change) => ExecuteAsync("""
        INSERT INTO "ChairHistory" ("GroupId", "MemberId", "MeetingId", "At", "Change")
        SELECT m."GroupId", $member, $meeting, $at, CASE WHEN m."StartedAt" IS NULL THEN $ofTheDay ELSE $change END FROM "Meetings" m
        WHERE m."Id" = $meeting AND EXISTS (SELECT 1 FROM "Members" WHERE "Id" = $member);
        """, ("$meeting", Id(meeting.Value)), ("$member", Id(person.Value)), ("$at", Instant(at)), ("$change", change.ToString()), ("$ofTheDay", nameof(Model.ChairChange.OfTheDay)));

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        _commands.Add(command);
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>EF Core's SQLite provider stores Guids as upper-case text; match it so joins and lookups agree.</summary>
    internal static string Id(Guid id) => id.ToString().ToUpperInvariant();

    internal static object Instant(DateTimeOffset at) => Instants.ConvertToProvider(at.ToUniversalTime())!;
}
