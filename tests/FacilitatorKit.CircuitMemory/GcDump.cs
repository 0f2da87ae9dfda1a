using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FacilitatorKit.CircuitMemory;

/// <summary>
/// Optional (--gcdump DIR): heap snapshots of this process taken with the dotnet-gcdump tool (not installed by the
/// project: <c>dotnet tool install -g dotnet-gcdump</c>), read back with its "report" command as bytes and objects by
/// type, so two moments can be compared: what the circuits added, by type. dotnet-gcdump on .NET 10 may lose events
/// on a large heap, so these are a guide to what dominates, not the figure (the figure is GC.GetTotalMemory).
/// </summary>
internal sealed partial class GcDump(string tool, string folder)
{
    public static GcDump? Find(string? folder)
    {
        if (folder is null)
        {
            return null;
        }

        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Append(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools"))
            .Select(dir => Path.Combine(dir, "dotnet-gcdump"));
        var tool = Environment.GetEnvironmentVariable("FK_GCDUMP") is { Length: > 0 } given ? given : candidates.FirstOrDefault(File.Exists);
        if (tool is null || !File.Exists(tool))
        {
            throw new InvalidOperationException("--gcdump needs the dotnet-gcdump tool (dotnet tool install -g dotnet-gcdump, or FK_GCDUMP=/path/to/dotnet-gcdump).");
        }

        Directory.CreateDirectory(folder);
        return new GcDump(tool, Path.GetFullPath(folder));
    }

    /// <summary>Takes a heap snapshot of this process and returns its bytes and object counts by type.</summary>
    public async Task<Dictionary<string, (long Bytes, long Count)>> TakeAsync(string name, CancellationToken cancellationToken)
    {
        var file = Path.Combine(folder, name + ".gcdump");
        await RunAsync(["collect", "-p", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), "-o", file], cancellationToken);
        var report = await RunAsync(["report", file], cancellationToken);
        var types = new Dictionary<string, (long Bytes, long Count)>(StringComparer.Ordinal);
        foreach (var line in report.Split('\n'))
        {
            var row = Row().Match(line);
            if (!row.Success)
            {
                continue;
            }

            // The report gives the size of one object of the row (an average) and how many there are.
            var size = long.Parse(row.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            var count = long.Parse(row.Groups[2].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            var bytes = size * count;
            var type = SizeBucket().Replace(row.Groups[3].Value.Trim(), "");
            var sum = types.GetValueOrDefault(type);
            types[type] = (sum.Bytes + bytes, sum.Count + count);
        }

        return types;
    }

    /// <summary>The types that grew most from one snapshot to the other, per circuit.</summary>
    public static IEnumerable<TypeGrowth> Growth(
        Dictionary<string, (long Bytes, long Count)> from, Dictionary<string, (long Bytes, long Count)> to, int views, int top) =>
        to.Keys.Union(from.Keys)
            .Select(type => (Type: type, Bytes: to.GetValueOrDefault(type).Bytes - from.GetValueOrDefault(type).Bytes, Count: to.GetValueOrDefault(type).Count - from.GetValueOrDefault(type).Count))
            .OrderByDescending(t => t.Bytes)
            .Take(top)
            .Select(t => new TypeGrowth(t.Type, (double)t.Bytes / views, (double)t.Count / views));

    /// <summary>Areas of the heap, recognised by type name (a rough grouping, to see what dominates), first match wins.</summary>
    private static readonly (string Area, Regex Types)[] Areas =
    [
        ("render trees (frames, builders, component state)", new(@"RenderTree|Components\.Rendering\.|ComponentState|^Entry<System\.String,System\.Int32>\[\]$|^System\.Collections\.Generic\.(Dictionary<System\.String,System\.Int32>|Stack<System\.Int32>)$|KeyedItemInfo")),
        ("strings", new(@"^System\.String$")),
        ("System.Text.Json metadata (JS interop serializer caches)", new(@"Text\.Json|JsonPropertyInfo|^CacheEntry$")),
        ("MudBlazor objects", new("MudBlazor")),
        ("connection (Kestrel, SignalR, pipelines, sockets)", new(@"Kestrel|SignalR|Pipelines|Sockets|Http\.Connections|WebSocket|MemoryPool")),
        ("circuit, DI scope, JS interop", new(@"Circuits|DependencyInjection|JSInterop")),
        ("the app's own objects", new("FacilitatorKit")),
        ("delegates", new(@"^System\.(Func|Action)")),
    ];

    /// <summary>How much each area of the heap grew between two snapshots, per circuit, largest first.</summary>
    public static IEnumerable<TypeGrowth> ByArea(Dictionary<string, (long Bytes, long Count)> from, Dictionary<string, (long Bytes, long Count)> to, int views) =>
        to.Keys.Union(from.Keys)
            .GroupBy(type => Areas.FirstOrDefault(a => a.Types.IsMatch(type)).Area ?? "other")
            .Select(g => new TypeGrowth(
                g.Key,
                (double)g.Sum(t => to.GetValueOrDefault(t).Bytes - from.GetValueOrDefault(t).Bytes) / views,
                (double)g.Sum(t => to.GetValueOrDefault(t).Count - from.GetValueOrDefault(t).Count) / views))
            .OrderByDescending(a => a.BytesPerView);

    private async Task<string> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet-gcdump.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true); // the tool this program started, by its handle
            throw new TimeoutException($"dotnet-gcdump {args[0]} did not finish within 5 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet-gcdump {args[0]} failed ({process.ExitCode}): {await errors}");
        }

        return await output;
    }

    [GeneratedRegex(@"^\s*([\d,]+)\s+([\d,]+)\s+(.+?)\s*(\[[^\]]*\])?\s*$")]
    private static partial Regex Row();

    [GeneratedRegex(@"\s*\(Bytes > [^)]*\)")]
    private static partial Regex SizeBucket();
}

/// <summary>How much one type grew between two heap snapshots, per circuit.</summary>
internal sealed record TypeGrowth(string Type, double BytesPerView, double ObjectsPerView);
