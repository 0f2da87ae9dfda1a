namespace FacilitatorKit.CircuitMemory;

/// <summary>
/// Memory per live view of the web app: <c>dotnet run -c Release --project tests/FacilitatorKit.CircuitMemory -- [--views 200] [--kind all] [--out FILE.md]</c>.
/// Exit codes: 0 measured (whether or not the target was met), 2 a failure to set up, open or verify the views, 3 the time limit.
/// </summary>
public static class Program
{
    /// <summary>Starts this program as the client process instead (<see cref="ClientHost"/>), with the server's base address.</summary>
    internal const string ClientModeSwitch = "--client-process";

    public static async Task<int> Main(string[] args)
    {
        args ??= [];
        if (args.Length == 3 && args[0] == ClientModeSwitch)
        {
            return await ClientHost.RunAsync(new Uri(args[1]), args[2]);
        }

        Options options;
        try
        {
            options = Options.Parse(args);
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

        // A hard stop, whatever the server or the client is doing: the run is bounded.
        _ = Task.Run(async () =>
        {
            await Task.Delay(options.TimeLimit + TimeSpan.FromSeconds(60));
            await Console.Error.WriteLineAsync($"Stopped: over the time limit of {options.TimeLimit.TotalSeconds:0} s (and 60 s to close down).");
            Environment.Exit(3);
        });

        using var limit = new CancellationTokenSource(options.TimeLimit);
        try
        {
            return await MemoryRun.RunAsync(options, limit.Token);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"Stopped: the time limit of {options.TimeLimit.TotalSeconds:0} s was reached.");
            return 3;
        }
    }
}
