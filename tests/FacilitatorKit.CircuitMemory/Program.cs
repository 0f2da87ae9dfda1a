using FacilitatorKit.Measuring;

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

        return await BoundedRun.MainAsync(args, Options.Parse, Options.Usage, o => o.TimeLimit, TimeSpan.FromSeconds(60), MemoryRun.RunAsync);
    }
}
