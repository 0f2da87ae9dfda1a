using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace FacilitatorKit.Benchmarks;

/// <summary>
/// Runs the engine's benchmarks: <c>dotnet run -c Release --project tests/FacilitatorKit.Benchmarks -- --filter '*'</c>.
/// See docs/benchmarks.md for the goals and the figures.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        var config = DefaultConfig.Instance.AddColumn(StatisticColumn.OperationsPerSecond);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
