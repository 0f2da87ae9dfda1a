using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;

namespace FacilitatorKit.Data.Schema;

/// <summary>
/// Applies the hand-written schema scripts (Schema/NNN_name.sql, embedded) in order, each in its own transaction,
/// and records the schema version in SQLite's <c>PRAGMA user_version</c>. Data is kept: scripts only add or alter.
/// (EF Core's design-time tooling cannot be restored on our build machines, so migrations are SQL written by hand;
/// SchemaTests prove the result matches the EF model.)
/// </summary>
public static partial class SchemaMigrator
{
    private static readonly IReadOnlyList<(int Version, string Name, string Sql)> Scripts = LoadScripts();

    public static int LatestVersion => Scripts[^1].Version;

    /// <summary>The script that moves names out of the meeting log; the store scrubs the file after it.</summary>
    public const string NamesOutOfTheLog = "006_names_out_of_the_log";

    public static int CurrentVersion(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Brings the database up to <paramref name="target"/> (the latest by default). Returns the scripts applied.</summary>
    public static IReadOnlyList<string> Migrate(DbConnection connection, int? target = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var current = CurrentVersion(connection);
        var goal = target ?? LatestVersion;
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database is at schema {current}, newer than this version of FacilitatorKit knows ({LatestVersion}). Update the app before opening it.");
        }

        var applied = new List<string>();
        foreach (var (version, name, sql) in Scripts.Where(s => s.Version > current && s.Version <= goal))
        {
            using var transaction = connection.BeginTransaction();
            // A script may name a step in C# ("-- step: Name" on a line of its own), run there, in the same transaction.
            var parts = StepMarker().Split(sql);
            for (var i = 0; i < parts.Length; i++)
            {
                if (i % 2 == 1)
                {
                    RunStep(parts[i], connection, transaction);
                    continue;
                }

                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = i == parts.Length - 1 ? parts[i] + $"\nPRAGMA user_version = {version};" : parts[i];
                if (!string.IsNullOrWhiteSpace(command.CommandText))
                {
                    command.ExecuteNonQuery();
                }
            }

            transaction.Commit();
            applied.Add(name);
        }

        return applied;
    }

    private static void RunStep(string step, DbConnection connection, DbTransaction transaction)
    {
        switch (step)
        {
            case nameof(MoveNamesOutOfTheLog):
                MoveNamesOutOfTheLog(connection, transaction);
                break;
            default:
                throw new InvalidOperationException($"A schema script names a step this version does not have: {step}.");
        }
    }

    /// <summary>
    /// Schema 6: every name already in the log (MeetingSetUp's participants, ParticipantAdded's participant) moves to
    /// ParticipantNames, and the event's JSON keeps everything but the name, in its order. A member's row is linked by
    /// id (a member's participant id is their member id); a guest's or newcomer's is not.
    /// </summary>
    internal static int MoveNamesOutOfTheLog(DbConnection connection, DbTransaction transaction)
    {
        var rows = new List<(string Meeting, long Sequence, string Type, string Data)>();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = """SELECT "MeetingId", "Sequence", "Type", "Data" FROM "MeetingEvents" WHERE "Type" IN ('MeetingSetUp', 'ParticipantAdded');""";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        using var name = connection.CreateCommand();
        name.Transaction = transaction;
        name.CommandText = """
            INSERT INTO "ParticipantNames" ("MeetingId", "ParticipantId", "MemberId", "Name")
            VALUES ($meeting, $person, (SELECT "Id" FROM "Members" WHERE "Id" = $person), $name)
            ON CONFLICT DO UPDATE SET "Name" = excluded."Name";
            """;
        var nameMeeting = Add(name, "$meeting");
        var person = Add(name, "$person");
        var personName = Add(name, "$name");

        using var rewrite = connection.CreateCommand();
        rewrite.Transaction = transaction;
        rewrite.CommandText = """UPDATE "MeetingEvents" SET "Data" = $data WHERE "MeetingId" = $meeting AND "Sequence" = $sequence;""";
        var data = Add(rewrite, "$data");
        var meeting = Add(rewrite, "$meeting");
        var sequence = Add(rewrite, "$sequence");

        var changed = 0;
        foreach (var row in rows)
        {
            var json = System.Text.Json.Nodes.JsonNode.Parse(row.Data)!.AsObject();
            var people = row.Type == "MeetingSetUp"
                ? json["participants"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? []
                : json["participant"] is System.Text.Json.Nodes.JsonObject one ? [one] : [];
            var any = false;
            foreach (var p in people)
            {
                if (p["name"] is not { } n)
                {
                    continue;
                }

                nameMeeting.Value = row.Meeting;
                person.Value = p["id"]!.GetValue<Guid>().ToString().ToUpperInvariant();
                personName.Value = n.GetValue<string>();
                name.ExecuteNonQuery();
                p.Remove("name");
                any = true;
            }

            if (any)
            {
                data.Value = json.ToJsonString();
                meeting.Value = row.Meeting;
                sequence.Value = row.Sequence;
                rewrite.ExecuteNonQuery();
                changed++;
            }
        }

        return changed;
    }

    private static DbParameter Add(DbCommand command, string parameterName)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = parameterName;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static List<(int, string, string)> LoadScripts()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var scripts = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (ScriptName().Match(resource) is not { Success: true } match)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add((int.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups["name"].Value, reader.ReadToEnd()));
        }

        // 1, 2, 3… without gaps: a database records only the highest script it has applied, so a script numbered below
        // one that already ran would never run there.
        scripts.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        for (var i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Item1 != i + 1)
            {
                throw new InvalidOperationException($"Schema scripts must be numbered 1, 2, 3… without gaps; found {scripts[i].Item2}.");
            }
        }

        return scripts;
    }

    [GeneratedRegex(@"^--\s*step:\s*(\w+)\s*$", RegexOptions.Multiline)]
    private static partial Regex StepMarker();

    [GeneratedRegex(@"Schema\.(?<name>(?<version>\d{3})_[a-z0-9_]+)\.sql$")]
    private static partial Regex ScriptName();
}
