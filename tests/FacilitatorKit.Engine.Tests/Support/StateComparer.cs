using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace FacilitatorKit.Engine.Tests.Support;

/// <summary>
/// Deep structural comparison of engine values. Records that hold ImmutableList, ImmutableHashSet or
/// ImmutableDictionary are not value-equal by default (those collections compare by reference), so a replayed
/// state would never <c>Equals</c> the live one. This walks every field and compares collections by content:
/// lists and arrays in order, sets and dictionaries regardless of order.
/// </summary>
public static class StateComparer
{
    private const int MaxDepth = 64;

    private static readonly ConcurrentDictionary<Type, FieldInfo[]> Fields = new();

    /// <summary>Fails with the path of the first difference, for example <c>state.Queue[1].QueuedAt</c>.</summary>
    public static void AssertEqual(object? expected, object? actual, string name = "state")
    {
        if (FirstDifference(expected, actual, name) is { } difference)
        {
            Assert.Fail($"Not structurally equal: {difference}");
        }
    }

    public static bool AreEqual(object? expected, object? actual) => FirstDifference(expected, actual) is null;

    /// <summary>Null when the two are structurally equal; otherwise where and how they first differ.</summary>
    public static string? FirstDifference(object? expected, object? actual, string path = "state") =>
        Compare(expected, actual, path, 0);

    /// <summary>
    /// A canonical text of the whole value (sets and dictionaries in a fixed order), to check later that nothing in
    /// it changed: take a snapshot, do something, take another, compare.
    /// </summary>
    public static string Snapshot(object? value)
    {
        var text = new StringBuilder();
        Write(text, value, 0);
        return text.ToString();
    }

    private static void Write(StringBuilder text, object? value, int depth)
    {
        if (value is null)
        {
            text.Append("null");
            return;
        }

        if (depth > MaxDepth)
        {
            throw new InvalidOperationException("Nested too deep to snapshot.");
        }

        var type = value.GetType();
        switch (value)
        {
            case string s:
                text.Append('"').Append(s).Append('"');
                return;
            case DateTimeOffset instant:
                text.Append(instant.ToString("O", CultureInfo.InvariantCulture));
                return;
            case DateTime instant:
                text.Append(instant.ToString("O", CultureInfo.InvariantCulture));
                return;
            case TimeSpan span:
                text.Append(span.Ticks).Append('t');
                return;
            case Guid guid:
                text.Append(guid.ToString("N"));
                return;
            case IFormattable formattable when type.IsPrimitive || type.IsEnum || value is decimal:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                return;
        }

        if (type.IsPrimitive)
        {
            text.Append(value);
            return;
        }

        if (IsImmutableArray(type) && IsDefaultArray(value))
        {
            text.Append("default");
            return;
        }

        if (value is IDictionary map)
        {
            var entries = new List<string>();
            for (var entry = map.GetEnumerator(); entry.MoveNext();)
            {
                entries.Add(Snapshot(entry.Key) + ": " + Snapshot(entry.Value));
            }

            entries.Sort(StringComparer.Ordinal);
            text.Append('{').AppendJoin(", ", entries).Append('}');
            return;
        }

        if (IsSet(type))
        {
            text.Append("set{").AppendJoin(", ", ((IEnumerable)value).Cast<object?>().Select(Snapshot).Order(StringComparer.Ordinal)).Append('}');
            return;
        }

        if (value is IEnumerable items)
        {
            text.Append('[');
            var first = true;
            foreach (var item in items)
            {
                text.Append(first ? "" : ", ");
                Write(text, item, depth + 1);
                first = false;
            }

            text.Append(']');
            return;
        }

        text.Append(type.Name).Append('(');
        var separator = "";
        foreach (var field in InstanceFields(type))
        {
            text.Append(separator).Append(Readable(field.Name)).Append('=');
            Write(text, field.GetValue(value), depth + 1);
            separator = ", ";
        }

        text.Append(')');
    }

    private static string? Compare(object? expected, object? actual, string path, int depth)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"{path}: expected {Show(expected)} but was {Show(actual)}";
        }

        if (depth > MaxDepth)
        {
            return $"{path}: nested too deep to compare";
        }

        var type = expected.GetType();
        if (type != actual.GetType())
        {
            return $"{path}: expected a {type.Name} but was a {actual.GetType().Name}";
        }

        if (ReferenceEquals(expected, actual))
        {
            return null;
        }

        if (IsImmutableArray(type))
        {
            var expectedDefault = IsDefaultArray(expected);
            var actualDefault = IsDefaultArray(actual);
            if (expectedDefault || actualDefault)
            {
                return expectedDefault == actualDefault ? null : $"{path}: one array is default (uninitialised), the other is not";
            }
        }

        if (expected is string || IsSimpleValue(type))
        {
            return expected.Equals(actual) ? null : $"{path}: expected {Show(expected)} but was {Show(actual)}";
        }

        if (expected is IDictionary expectedMap && actual is IDictionary actualMap)
        {
            return CompareDictionaries(expectedMap, actualMap, path, depth);
        }

        if (IsSet(type))
        {
            return CompareSets((IEnumerable)expected, (IEnumerable)actual, path);
        }

        if (expected is IEnumerable expectedItems && actual is IEnumerable actualItems)
        {
            return CompareSequences(expectedItems, actualItems, path, depth);
        }

        return CompareFields(expected, actual, type, path, depth);
    }

    private static string? CompareDictionaries(IDictionary expected, IDictionary actual, string path, int depth)
    {
        if (expected.Count != actual.Count)
        {
            return $"{path}: expected {expected.Count} entries but there were {actual.Count}";
        }

        foreach (DictionaryEntry entry in expected)
        {
            if (!actual.Contains(entry.Key))
            {
                return $"{path}: missing key {Show(entry.Key)}";
            }

            if (Compare(entry.Value, actual[entry.Key], $"{path}[{Show(entry.Key)}]", depth + 1) is { } difference)
            {
                return difference;
            }
        }

        return null;
    }

    private static string? CompareSets(IEnumerable expected, IEnumerable actual, string path)
    {
        var expectedSet = expected.Cast<object?>().ToList();
        var actualSet = actual.Cast<object?>().ToList();
        if (expectedSet.Count != actualSet.Count)
        {
            return $"{path}: expected {expectedSet.Count} members but there were {actualSet.Count}";
        }

        foreach (var member in expectedSet)
        {
            if (!actualSet.Exists(other => AreEqual(member, other)))
            {
                return $"{path}: missing member {Show(member)}";
            }
        }

        return null;
    }

    private static string? CompareSequences(IEnumerable expected, IEnumerable actual, string path, int depth)
    {
        var left = expected.Cast<object?>().ToList();
        var right = actual.Cast<object?>().ToList();
        for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
        {
            if (Compare(left[i], right[i], $"{path}[{i}]", depth + 1) is { } difference)
            {
                return difference;
            }
        }

        return left.Count == right.Count ? null : $"{path}: expected {left.Count} items but there were {right.Count}";
    }

    private static string? CompareFields(object expected, object actual, Type type, string path, int depth)
    {
        foreach (var field in InstanceFields(type))
        {
            if (Compare(field.GetValue(expected), field.GetValue(actual), $"{path}.{Readable(field.Name)}", depth + 1) is { } difference)
            {
                return difference;
            }
        }

        return null;
    }

    /// <summary>Every instance field, including private ones declared on base types (such as an event's Cause).</summary>
    private static FieldInfo[] InstanceFields(Type type) => Fields.GetOrAdd(type, static t =>
    {
        var fields = new List<FieldInfo>();
        for (var declaring = t; declaring is not null && declaring != typeof(object); declaring = declaring.BaseType)
        {
            fields.AddRange(declaring.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));
        }

        return [.. fields];
    });

    /// <summary>Value types without collections inside (ids, instants, time spans, enums) compare well with Equals.</summary>
    private static bool IsSimpleValue(Type type) =>
        type.IsPrimitive || type.IsEnum || (type.IsValueType && !typeof(IEnumerable).IsAssignableFrom(type));

    private static bool IsSet(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(ISet<>) || i.GetGenericTypeDefinition() == typeof(IImmutableSet<>)));

    private static bool IsImmutableArray(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>);

    private static bool IsDefaultArray(object array) => (bool)array.GetType().GetProperty(nameof(ImmutableArray<int>.IsDefault))!.GetValue(array)!;

    /// <summary>"&lt;Queue&gt;k__BackingField" reads as "Queue".</summary>
    private static string Readable(string fieldName) =>
        fieldName.StartsWith('<') && fieldName.IndexOf('>', StringComparison.Ordinal) is var end and > 0 ? fieldName[1..end] : fieldName;

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        _ => value.ToString() ?? value.GetType().Name,
    };
}
