using System.Globalization;
using System.Runtime;

namespace FacilitatorKit.CircuitMemory;

/// <summary>
/// The server's memory at one moment, after forced, blocking, compacting full GCs (large object heap included):
/// the managed bytes still reachable, the heap by generation, what the GC has committed, and the process's RSS.
/// </summary>
internal sealed record MemorySnapshot(long Managed, long Gen0, long Gen1, long Gen2, long Loh, long Poh, long Fragmented, long Committed, long Rss)
{
    public static MemorySnapshot Take()
    {
        for (var i = 0; i < 2; i++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        var managed = GC.GetTotalMemory(forceFullCollection: true);
        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        var generations = info.GenerationInfo;
        return new MemorySnapshot(
            managed,
            generations[0].SizeAfterBytes,
            generations[1].SizeAfterBytes,
            generations[2].SizeAfterBytes,
            generations[3].SizeAfterBytes,
            generations[4].SizeAfterBytes,
            info.FragmentedBytes,
            info.TotalCommittedBytes,
            ReadRss());
    }

    /// <summary>Resident set size of this process (VmRSS), in bytes.</summary>
    public static long ReadRss()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }
}
