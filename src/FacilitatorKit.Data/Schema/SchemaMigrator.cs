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
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = sql + $"\nPRAGMA user_version = {version};";
                command.ExecuteNonQuery();
            }

            transaction.Commit();
            applied.Add(name);
        }

        return applied;
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

        // Each number once, in order. A gap is allowed: work on parallel branches reserves its numbers (the summaries
        // took 008 while 006 and 007 were still on their way), and a database records the highest it has applied.
        scripts.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        for (var i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Item1 < 1 || (i > 0 && scripts[i].Item1 == scripts[i - 1].Item1))
            {
                throw new InvalidOperationException($"Schema scripts must be numbered 1, 2, 3…, each number once; found {scripts[i].Item2}.");
            }
        }

        return scripts;
    }

    [GeneratedRegex(@"Schema\.(?<name>(?<version>\d{3})_[a-z0-9_]+)\.sql$")]
    private static partial Regex ScriptName();
}
