using BenchmarkDotNet.Attributes;
using FacilitatorKit.Engine;

namespace FacilitatorKit.Benchmarks;

/// <summary>Rebuilding a meeting's state from a log of 2,000 events. Goal: under 5 ms.</summary>
[MemoryDiagnoser]
public class ReplayBenchmarks
{
    public const int Events = 2_000;

    private MeetingEvent[] _log = [];

    [GlobalSetup]
    public void SetUp()
    {
        _log = [.. RealisticMeeting.Run(Events).Log.Take(Events)];
        if (Meeting.Replay(MeetingDriver.MeetingId, _log).Version != Events)
        {
            throw new InvalidOperationException("The replayed log does not hold 2,000 events.");
        }
    }

    [Benchmark(Description = "Replay 2,000 events")]
    public MeetingState Replay() => Meeting.Replay(MeetingDriver.MeetingId, _log);
}
