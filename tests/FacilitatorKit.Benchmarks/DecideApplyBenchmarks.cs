using BenchmarkDotNet.Attributes;
using FacilitatorKit.Engine;

namespace FacilitatorKit.Benchmarks;

/// <summary>
/// Decide+apply throughput on one thread. One invocation runs the 16-command <see cref="CommandMix"/> from the same
/// baseline state (the engine is pure, so the baseline can be reused), and the figures are per command.
/// Goal: at least 200,000 decide+apply per second, i.e. a mean under 5 µs.
/// </summary>
[MemoryDiagnoser]
public class DecideApplyBenchmarks
{
    private CommandMix _mix = null!;

    [GlobalSetup]
    public void SetUp() => _mix = CommandMix.Record();

    [Benchmark(OperationsPerInvoke = CommandMix.Length, Description = "Decide+apply, per command (mix of 16, 12 people)")]
    public MeetingState DecideAndApply() => _mix.Run();
}
