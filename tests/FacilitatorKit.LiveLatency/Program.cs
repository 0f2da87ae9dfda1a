namespace FacilitatorKit.LiveLatency;

/// <summary>
/// Live-push latency of the web app (issue 4, section 2): <c>dotnet run -c Release --project tests/FacilitatorKit.LiveLatency -- [--rounds 100] [--views 20]</c>.
/// Exit codes: 0 measured (whether or not the goal was met), 1 a view never showed a change, 2 a failure to set up or
/// drive the pages, 3 the time limit. See docs/benchmarks.md, "Live push latency".
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        Options options;
        try
        {
            options = Options.Parse(args ?? []);
        }
        catch (ArgumentException e)
        {
            if (e.Message != "help")
            {
                await Console.Error.WriteLineAsync(e.Message);
            }

            await Console.Error.WriteLineAsync(Options.Usage);
            return e.Message == "help" ? 0 : 2;
        }

        // A hard stop, whatever the browser or the app is doing: the run is bounded.
        _ = Task.Run(async () =>
        {
            await Task.Delay(options.TimeLimit + TimeSpan.FromSeconds(30));
            await Console.Error.WriteLineAsync($"Stopped: over the time limit of {options.TimeLimit.TotalSeconds:0} s (and 30 s to close down).");
            Environment.Exit(3);
        });

        using var limit = new CancellationTokenSource(options.TimeLimit);
        try
        {
            return await LatencyRun.RunAsync(options, limit.Token);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"Stopped: the time limit of {options.TimeLimit.TotalSeconds:0} s was reached.");
            return 3;
        }
    }
}
