namespace FacilitatorKit.Measuring;

/// <summary>
/// The shape every measuring program here shares: parse the options (or print the usage), run the measurement under a
/// time limit, and stop hard if closing down hangs. Exit codes: 2 bad options, 3 the time limit; the rest are the run's.
/// Compiled into each measuring program (tests/Measuring), not a library of its own.
/// </summary>
internal static class BoundedRun
{
    public static async Task<int> MainAsync<TOptions>(
        string[] args,
        Func<string[], TOptions> parse,
        string usage,
        Func<TOptions, TimeSpan> timeLimit,
        TimeSpan toCloseDown,
        Func<TOptions, CancellationToken, Task<int>> run)
    {
        TOptions options;
        try
        {
            options = parse(args ?? []);
        }
        catch (ArgumentException e)
        {
            if (e.Message != "help")
            {
                await Console.Error.WriteLineAsync(e.Message);
            }

            await Console.Error.WriteLineAsync(usage);
            return e.Message == "help" ? 0 : 2;
        }

        var limit = timeLimit(options);

        // A hard stop, whatever the app or its clients are doing: the run is bounded.
        _ = Task.Run(async () =>
        {
            await Task.Delay(limit + toCloseDown);
            await Console.Error.WriteLineAsync($"Stopped: over the time limit of {limit.TotalSeconds:0} s (and {toCloseDown.TotalSeconds:0} s to close down).");
            Environment.Exit(3);
        });

        using var stop = new CancellationTokenSource(limit);
        try
        {
            return await run(options, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"Stopped: the time limit of {limit.TotalSeconds:0} s was reached.");
            return 3;
        }
    }
}
