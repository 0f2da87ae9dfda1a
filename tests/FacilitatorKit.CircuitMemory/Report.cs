using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

namespace FacilitatorKit.CircuitMemory;

/// <summary>The report: a header saying where and how it was measured, a table per view, and how it reads against the target.</summary>
internal static class Report
{
    /// <summary>The target from the issue: at most 300 KB of the server's memory per live view, after a forced GC.</summary>
    public const long TargetBytes = 300 * 1024;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Header(Options options) => string.Join(Environment.NewLine,
        $"FacilitatorKit memory per live view (Blazor circuit), {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC",
        $"{OsName()}; {Environment.ProcessorCount} logical cores (nproc); {CpuModel()}; {MemTotal()}",
        $"{RuntimeInformation.FrameworkDescription} (runtime {Environment.Version}); {GcMode()}",
        $"{options.Views} circuits per view, {options.Warmup} warm-up circuits opened and closed first, {options.Parallel} opened at a time; " +
        (options.Kinds.Count > 1 && !options.SameProcess ? "each view in a fresh server process of its own" : "all views in one server process, one after the other"),
        $"app environment {options.Environment}; the pages name the time zone {options.DeviceZone ?? BlazorCircuit.DeviceZone + " (the server's own)"}");

    public static string Line(KindResult r) =>
        FormattableString.Invariant($"  {r.Kind.Name}: {r.Views} circuits in {r.OpenTime.TotalSeconds:0.0} s; managed {Kb(r.PerView(s => s.Managed, r.AfterOpen))}/circuit, RSS {Kb(r.PerView(s => s.Rss, r.AfterOpen))}/circuit") +
        (r.AfterRender is null ? "" : FormattableString.Invariant($"; after one re-render: managed {Kb(r.PerView(s => s.Managed, r.AfterRender))}, RSS {Kb(r.PerView(s => s.Rss, r.AfterRender))}")) +
        FormattableString.Invariant($"; left after closing: {Kb(r.PerView(s => s.Managed, r.AfterClose))}/circuit");

    public static string Markdown(Options options, IReadOnlyList<KindResult> results, TimeSpan elapsed)
    {
        var md = new StringBuilder();
        md.AppendLine("# Memory per live view (one Blazor circuit)").AppendLine();
        md.AppendLine("Target (issue): at most 300 KB of the server's memory per live view, after a forced GC.").AppendLine();
        md.AppendLine("```");
        md.AppendLine(Header(options));
        md.AppendLine(Invariant, $"run took {elapsed.TotalSeconds:0} s");
        md.AppendLine("```").AppendLine();

        md.AppendLine(Invariant, $"How: the app runs inside the measuring process (FacilitatorKitApp.Build, {options.Environment}, a temporary SQLite file) with");
        md.AppendLine("a meeting in its Sharing item: 8 people, someone speaking with a 5-minute turn (a countdown), two hands up. A client");
        md.AppendLine("process opens the circuits as blazor.web.js would (GET the page and its component markers, negotiate, WebSocket on");
        md.AppendLine("/_blazor with the blazorpack protocol, StartCircuit, UpdateRootComponents), acknowledges every render batch and");
        md.AppendLine("answers every JS call; the client's own memory is not counted. No DOM and no browser: what the server holds for a");
        md.AppendLine("circuit does not depend on that. Managed = GC.GetTotalMemory(true) after two forced, blocking, compacting gen-2 GCs");
        md.AppendLine("(large object heap compacted too); RSS = VmRSS of the server process, which also keeps what the GC has committed.");
        md.AppendLine("Per circuit = (after - before) / N; before is taken after a warm-up (circuits of the same view opened and closed).");
        md.AppendLine("One re-render: Next speaker, pressed through the meeting's session, shown by every circuit. KB = 1024 bytes.").AppendLine();

        var many = results.Any(r => r.AfterRenders is not null);
        var changes = results.Max(r => r.Rerenders);
        md.AppendLine("Per circuit (live view), in the server process:").AppendLine();
        md.AppendLine("| view | N | managed, open | managed, after one re-render |" + (many ? $" managed, after {changes} changes |" : "") +
            " RSS, open | RSS, after one re-render |" + (many ? $" RSS, after {changes} changes |" : "") + " managed left after closing | target ≤ 300 KB managed |");
        md.AppendLine("|---|---:|---:|---:|" + (many ? "---:|" : "") + "---:|---:|" + (many ? "---:|" : "") + "---:|---|");
        foreach (var r in results)
        {
            var perView = r.PerView(s => s.Managed, r.AfterOpen);
            var worst = new[] { perView, r.PerView(s => s.Managed, r.AfterRender), r.PerView(s => s.Managed, r.AfterRenders) }.Where(v => !double.IsNaN(v)).Max();
            var verdict = r.Kind.WatchesMeeting ? (worst <= TargetBytes ? "met" : $"not met ({worst / TargetBytes:0.0}×)") : "(comparison)";
            md.Append(Invariant, $"| {r.Kind.Title} | {r.Views} | {Kb(perView)} | {Kb(r.PerView(s => s.Managed, r.AfterRender))} |");
            if (many)
            {
                md.Append(Invariant, $" {Kb(r.PerView(s => s.Managed, r.AfterRenders))} |");
            }

            md.Append(Invariant, $" {Kb(r.PerView(s => s.Rss, r.AfterOpen))} | {Kb(r.PerView(s => s.Rss, r.AfterRender))} |");
            if (many)
            {
                md.Append(Invariant, $" {Kb(r.PerView(s => s.Rss, r.AfterRenders))} |");
            }

            md.AppendLine(Invariant, $" {Kb(r.PerView(s => s.Managed, r.AfterClose))} | {verdict} |");
        }

        md.AppendLine().AppendLine("How each circuit was checked to have rendered its page (strings of its render batches, and the meeting's watchers on the server):").AppendLine();
        md.AppendLine("| view | every circuit showed | watchers of the meeting | re-render |").AppendLine("|---|---|---:|---|");
        foreach (var r in results)
        {
            md.AppendLine(Invariant, $"| {r.Kind.Title} | {string.Join(", ", r.Expected.Select(e => $"`{e}`"))} | +{r.Watching} | {Rerender(r)} |");
        }

        md.AppendLine().AppendLine("Managed heap per circuit by generation after the forced GCs (size after GC; gen 0 and 1 are nearly empty after a compacting full GC), and what the GC has committed:").AppendLine();
        md.AppendLine("| view | moment | gen 2 | large objects | pinned objects | fragmentation | GC committed |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            foreach (var (moment, after) in new[] { ("open", (MemorySnapshot?)r.AfterOpen), ("re-rendered", r.AfterRender) })
            {
                if (after is null)
                {
                    continue;
                }

                md.AppendLine(Invariant,
                    $"| {r.Kind.Title} | {moment} | {Kb(r.PerView(s => s.Gen2, after))} | {Kb(r.PerView(s => s.Loh, after))} | {Kb(r.PerView(s => s.Poh, after))} | {Kb(r.PerView(s => s.Fragmented, after))} | {Kb(r.PerView(s => s.Committed, after))} |");
            }
        }

        md.AppendLine().AppendLine("Absolute figures (MB = 1024 × 1024 bytes) and the circuits' traffic:").AppendLine();
        md.AppendLine("| view | managed before → open → re-rendered → closed | RSS before → open → re-rendered → closed | opening N | first render per circuit |");
        md.AppendLine("|---|---|---|---:|---|");
        foreach (var r in results)
        {
            md.AppendLine(Invariant,
                $"| {r.Kind.Title} | {Mb(r.Before.Managed)} → {Mb(r.AfterOpen.Managed)} → {Mb(r.AfterRender?.Managed)} → {Mb(r.AfterClose.Managed)} | {Mb(r.Before.Rss)} → {Mb(r.AfterOpen.Rss)} → {Mb(r.AfterRender?.Rss)} → {Mb(r.AfterClose.Rss)} | {r.OpenTime.TotalSeconds:0.0} s | {(double)r.Batches / r.Views:0.0} batches, {(double)r.BatchBytes / r.Views / 1024:0.0} KB |");
        }

        if (results.Any(r => r.AreasOpen is not null))
        {
            md.AppendLine().AppendLine("What the circuits hold, from heap snapshots (dotnet-gcdump) before and with them open, and after one re-render; per circuit.");
            md.AppendLine("A guide to what dominates, not the figure: on .NET 10 dotnet-gcdump may lose events on a large heap and gives large");
            md.AppendLine("objects by size bucket, and the areas group types by name.").AppendLine();
            md.AppendLine("| view | area | open | one re-render added |").AppendLine("|---|---|---:|---:|");
            foreach (var r in results.Where(r => r.AreasOpen is not null))
            {
                foreach (var area in r.AreasOpen!)
                {
                    var rerender = r.AreasRerender?.FirstOrDefault(a => a.Type == area.Type);
                    md.AppendLine(Invariant, $"| {r.Kind.Title} | {area.Type} | {Kb(area.BytesPerView)} | {(rerender is null ? "n/a" : Kb(rerender.BytesPerView))} |");
                }
            }
        }

        foreach (var r in results.Where(r => r.GrowthOpen is not null))
        {
            md.AppendLine().AppendLine(Invariant, $"The types that grew most with the {r.Kind.Title} circuits open (per circuit):").AppendLine();
            md.AppendLine("| type | bytes | objects |").AppendLine("|---|---:|---:|");
            foreach (var g in r.GrowthOpen!)
            {
                md.AppendLine(Invariant, $"| `{g.Type}` | {g.BytesPerView:#,0} | {g.ObjectsPerView:0.0} |");
            }

            if (r.GrowthRerender is { } rerender)
            {
                md.AppendLine().AppendLine(Invariant, $"And with one re-render of each {r.Kind.Title}:").AppendLine();
                md.AppendLine("| type | bytes | objects |").AppendLine("|---|---:|---:|");
                foreach (var g in rerender)
                {
                    md.AppendLine(Invariant, $"| `{g.Type}` | {g.BytesPerView:#,0} | {g.ObjectsPerView:0.0} |");
                }
            }
        }

        md.AppendLine().AppendLine("JS calls the server made per circuit while it opened (each answered as the page's script would), and the processes:").AppendLine();
        md.AppendLine("| view | JS calls per circuit | server pid | client pid |").AppendLine("|---|---|---:|---:|");
        foreach (var r in results)
        {
            var calls = string.Join(", ", r.JsCalls.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => string.Create(Invariant, $"{c.Key} {(double)c.Value / r.Views:0.#}")));
            md.AppendLine(Invariant, $"| {r.Kind.Title} | {calls} | {r.ServerPid} | {r.ClientPid} |");
        }

        return md.ToString();
    }

    private static string Rerender(KindResult r) => r.RerenderTime is { } time
        ? string.Create(Invariant, $"Next speaker → {r.NewSpeaker}: every circuit showed it within {time.TotalMilliseconds:0} ms, {(double)r.RerenderBatches!.Value / r.Views:0.0} batches each")
        : "n/a (does not watch the meeting)";

    private static string Kb(double bytes) => double.IsNaN(bytes) ? "n/a" : (bytes / 1024).ToString("#,0.0", Invariant) + " KB";

    private static string Mb(long? bytes) => bytes is { } b ? (b / 1024.0 / 1024).ToString("0.0", Invariant) : "n/a";

    private static string GcMode() => string.Create(Invariant,
        $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC ({(GCSettings.LatencyMode == GCLatencyMode.Batch ? "non-concurrent" : "concurrent")}), {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024 / 1024 / 1024.0:0.0} GiB available to it");

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? "CPU unknown" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return "CPU unknown";
        }
    }

    private static string MemTotal()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            var kb = line is null ? 0 : long.Parse(line["MemTotal:".Length..].Trim().Split(' ')[0], Invariant);
            return string.Create(Invariant, $"{kb / 1024.0 / 1024:0.0} GiB memory");
        }
        catch (IOException)
        {
            return "memory unknown";
        }
    }

    private static string OsName()
    {
        try
        {
            var line = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
            return line?["PRETTY_NAME=".Length..].Trim('"') ?? RuntimeInformation.OSDescription;
        }
        catch (IOException)
        {
            return RuntimeInformation.OSDescription;
        }
    }
}
