using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using FacilitatorKit.Benchmarks.Store;

namespace FacilitatorKit.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project tests/FacilitatorKit.Benchmarks -- --filter '*'</c>
/// (BenchmarkDotNet), or <c>-- store</c> for the store's measuring mode (durable throughput and restore).
/// See docs/benchmarks.md for the goals and the figures.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == "store")
        {
            return await StoreMeasure.RunAsync(args[1..]);
        }

        var config = DefaultConfig.Instance.AddColumn(StatisticColumn.OperationsPerSecond);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return 0;
    }
}
