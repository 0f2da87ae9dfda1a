using FacilitatorKit.Measuring;

namespace FacilitatorKit.LiveLatency;

/// <summary>
/// Live-push latency of the web app (issue 4, section 2): <c>dotnet run -c Release --project tests/FacilitatorKit.LiveLatency -- [--rounds 100] [--views 20]</c>.
/// Exit codes: 0 measured (whether or not the goal was met), 1 a view never showed a change, 2 a failure to set up or
/// drive the pages, 3 the time limit. See docs/benchmarks.md, "Live push latency".
/// </summary>
public static class Program
{
    public static Task<int> Main(string[] args) =>
        BoundedRun.MainAsync(args, Options.Parse, Options.Usage, o => o.TimeLimit, TimeSpan.FromSeconds(30), LatencyRun.RunAsync);
}
