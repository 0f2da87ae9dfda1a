using System.Data.Common;
using System.Threading.Channels;
using FacilitatorKit.Application.Ports;
using FacilitatorKit.Data.Events;
using FacilitatorKit.Engine;
using Microsoft.EntityFrameworkCore;

namespace FacilitatorKit.Data.Sessions;

/// <summary>
/// The append-only meeting log. Appends from all meetings go through one writer that commits whatever is waiting
/// in a single transaction (group commit): with synchronous=FULL every commit costs an fsync, so sharing one
/// across meetings is what lets many meetings write at once. An append's task completes only after its commit.
/// </summary>
public sealed class MeetingLog : IMeetingLog, IAsyncDisposable
{
    private const int MaxBatch = 512;

    private readonly IDbContextFactory<FacilitatorKitDb> _contexts;
    private readonly Channel<Append> _queue = Channel.CreateUnbounded<Append>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    private readonly string? _connectionString;

    /// <param name="connectionString">The store's connection string, for the queries that run at start-up in plain SQL; from the contexts when not given.</param>
    public MeetingLog(IDbContextFactory<FacilitatorKitDb> contexts, string? connectionString = null)
    {
        _contexts = contexts;
        _connectionString = connectionString;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <inheritdoc />
    public Task AppendAsync(MeetingId meeting, long expectedVersion, CommandId command, IReadOnlyList<MeetingEvent> events, MeetingPhase phase, DateTimeOffset at, WhoActed who = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var append = new Append(meeting, expectedVersion + 1, command, events, phase, at, who);
        return _queue.Writer.TryWrite(append)
            ? append.Done.Task
            : Task.FromException(new ObjectDisposedException(nameof(MeetingLog), "The meeting log is closed."));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MeetingEvent>> ReadAsync(MeetingId meeting, long fromVersion = 0, CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.MeetingEvents.AsNoTracking()
            .Where(e => e.MeetingId == meeting.Value && e.Sequence > fromVersion)
            .OrderBy(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Type, e.Data })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        // The log holds people by id; their names, where not erased, are kept apart (schema 6).
        var names = await db.ParticipantNames.AsNoTracking().Where(n => n.MeetingId == meeting.Value)
            .ToDictionaryAsync(n => new ParticipantId(n.ParticipantId), n => n.Name, cancellationToken).ConfigureAwait(false);

        var events = new List<MeetingEvent>(rows.Count);
        foreach (var row in rows)
        {
            if (row.Sequence != fromVersion + events.Count + 1)
            {
                throw new InvalidDataException($"The log of meeting {meeting} has a gap before event {row.Sequence}.");
            }

            events.Add(EventJson.WithNames(EventJson.Deserialize(row.Type, row.Data), id => names.GetValueOrDefault(id)));
        }

        return events;
    }

    /// <inheritdoc />
    public async Task<bool> ExistsAsync(MeetingId meeting, CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Meetings.AnyAsync(m => m.Id == meeting.Value, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MeetingId>> InProgressAsync(CancellationToken cancellationToken = default)
    {
        // Asked at start-up: plain SQL, so a start with nothing to restore does not pay for EF Core's first use.
        var connectionString = _connectionString;
        if (connectionString is null)
        {
            await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            connectionString = db.Database.GetConnectionString();
        }

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = """SELECT "Id" FROM "Meetings" WHERE "Phase" IN ($gathering, $running);""";
        query.Parameters.AddWithValue("$gathering", nameof(MeetingPhase.Gathering));
        query.Parameters.AddWithValue("$running", nameof(MeetingPhase.Running));
        var ids = new List<MeetingId>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(new MeetingId(reader.GetGuid(0)));
        }

        return ids;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Append>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var append))
            {
                batch.Add(append);
            }

            try
            {
                await WriteAsync(batch).ConfigureAwait(false);
                batch.ForEach(a => a.Done.TrySetResult());
            }
            catch (Exception) when (batch.Count > 1)
            {
                // One bad append (say, a sequence another writer took) must not fail the others: retry one by one.
                foreach (var append in batch)
                {
                    await WriteAloneAsync(append).ConfigureAwait(false);
                }
            }
            catch (Exception e)
            {
                batch[0].Done.TrySetException(e);
            }

            batch.Clear();
        }
    }

    private async Task WriteAloneAsync(Append append)
    {
        try
        {
            await WriteAsync([append]).ConfigureAwait(false);
            append.Done.TrySetResult();
        }
        catch (Exception e)
        {
            append.Done.TrySetException(e);
        }
    }

    private async Task WriteAsync(List<Append> batch)
    {
        await using var db = await _contexts.CreateDbContextAsync().ConfigureAwait(false);
        await db.Database.OpenConnectionAsync().ConfigureAwait(false);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO "MeetingEvents" ("MeetingId", "Sequence", "CommandId", "Type", "Data", "RecordedAt", "ActorRole", "DeviceId")
            VALUES ($meeting, $sequence, $command, $type, $data, $at, $role, $device);
            """;
        var meeting = Parameter(insert, "$meeting");
        var sequence = Parameter(insert, "$sequence");
        var command = Parameter(insert, "$command");
        var type = Parameter(insert, "$type");
        var data = Parameter(insert, "$data");
        var at = Parameter(insert, "$at");
        var role = Parameter(insert, "$role");
        var device = Parameter(insert, "$device");

        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = """
            UPDATE "Meetings" SET "LastSequence" = $last, "Phase" = $phase WHERE "Id" = $meeting AND "LastSequence" = $previous;
            """;
        var last = Parameter(update, "$last");
        var phase = Parameter(update, "$phase");
        var updateMeeting = Parameter(update, "$meeting");
        var previous = Parameter(update, "$previous");

        // Each person an event introduces: their name, kept apart from the log (schema 6). A member's row is linked to
        // the member (a member's participant id is their member id), so deleting the member deletes it.
        await using var name = connection.CreateCommand();
        name.Transaction = transaction;
        name.CommandText = """
            INSERT INTO "ParticipantNames" ("MeetingId", "ParticipantId", "MemberId", "Name")
            VALUES ($meeting, $person, (SELECT "Id" FROM "Members" WHERE "Id" = $person), $name)
            ON CONFLICT DO UPDATE SET "Name" = excluded."Name";
            """;
        var nameMeeting = Parameter(name, "$meeting");
        var person = Parameter(name, "$person");
        var personName = Parameter(name, "$name");

        await using var projections = new LogProjections(connection, transaction);
        foreach (var append in batch)
        {
            meeting.Value = LogProjections.Id(append.Meeting.Value);
            command.Value = LogProjections.Id(append.Command.Value);
            at.Value = LogProjections.Instant(append.At);
            role.Value = append.Who.Role?.ToString() ?? (object)DBNull.Value;
            device.Value = append.Who.Device is { } id ? LogProjections.Id(id) : DBNull.Value;
            for (var i = 0; i < append.Events.Count; i++)
            {
                sequence.Value = append.FirstSequence + i;
                type.Value = EventJson.TypeName(append.Events[i]);
                data.Value = EventJson.Serialize(append.Events[i]);
                await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
                foreach (var someone in EventJson.PeopleIn(append.Events[i]))
                {
                    nameMeeting.Value = meeting.Value;
                    person.Value = LogProjections.Id(someone.Id.Value);
                    personName.Value = someone.Name;
                    await name.ExecuteNonQueryAsync().ConfigureAwait(false);
                }

                await projections.ProjectAsync(append.Meeting, append.Events[i]).ConfigureAwait(false);
            }

            updateMeeting.Value = meeting.Value;
            previous.Value = append.FirstSequence - 1;
            last.Value = append.FirstSequence + append.Events.Count - 1;
            phase.Value = append.Phase.ToString();
            if (await update.ExecuteNonQueryAsync().ConfigureAwait(false) != 1)
            {
                throw new InvalidOperationException($"Meeting {append.Meeting} is missing, or its log moved on elsewhere.");
            }
        }

        await transaction.CommitAsync().ConfigureAwait(false);
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private sealed record Append(MeetingId Meeting, long FirstSequence, CommandId Command, IReadOnlyList<MeetingEvent> Events, MeetingPhase Phase, DateTimeOffset At, WhoActed Who)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
