using System.Diagnostics;
using System.Reflection;

namespace FacilitatorKit.CircuitMemory;

/// <summary>Starts this program again (through the dotnet host when that is how it was started), sharing its console.</summary>
internal static class SelfProcess
{
    public static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot tell which program this is.");
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    /// <summary>Runs it to the end and returns its exit code; ends it (by its handle) if it outlives <paramref name="timeout"/>.</summary>
    public static async Task<int> RunAsync(IEnumerable<string> args, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var process = Process.Start(StartInfo(args)) ?? throw new InvalidOperationException("Could not start the measuring process.");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true); // the process this program started, and its client process
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }
    }
}
