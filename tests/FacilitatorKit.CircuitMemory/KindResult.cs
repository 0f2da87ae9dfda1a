using System.Text.Json.Serialization;

namespace FacilitatorKit.CircuitMemory;

/// <summary>What was measured for one kind of view (written as JSON by a run that measured it in its own process).</summary>
internal sealed record KindResult(
    string KindName,
    int Views,
    IReadOnlyList<string> Expected,
    int Watching,
    MemorySnapshot Before,
    MemorySnapshot AfterOpen,
    MemorySnapshot? AfterRender,
    int Rerenders,
    MemorySnapshot? AfterRenders,
    MemorySnapshot AfterClose,
    TimeSpan OpenTime,
    long Batches,
    long BatchBytes,
    string? NewSpeaker,
    TimeSpan? RerenderTime,
    long? RerenderBatches,
    IReadOnlyDictionary<string, int> JsCalls,
    int ServerPid,
    int ClientPid,
    IReadOnlyList<TypeGrowth>? GrowthOpen,
    IReadOnlyList<TypeGrowth>? GrowthRerender,
    IReadOnlyList<TypeGrowth>? AreasOpen,
    IReadOnlyList<TypeGrowth>? AreasRerender)
{
    [JsonIgnore]
    public ViewKind Kind => ViewKind.Named(KindName) ?? throw new InvalidOperationException($"Unknown view kind '{KindName}'.");

    /// <summary>The growth of one figure from the baseline to <paramref name="after"/>, per circuit; NaN when there is no such moment.</summary>
    public double PerView(Func<MemorySnapshot, long> figure, MemorySnapshot? after) =>
        after is null ? double.NaN : (double)(figure(after) - figure(Before)) / Views;
}
