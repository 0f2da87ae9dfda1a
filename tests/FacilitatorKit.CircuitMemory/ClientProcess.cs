using System.Diagnostics;

namespace FacilitatorKit.CircuitMemory;

/// <summary>This program started again in client mode (<see cref="ClientHost"/>), driven one command a line.</summary>
internal sealed class ClientProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _stderr;

    private ClientProcess(Process process, Task stderr)
    {
        _process = process;
        _stderr = stderr;
    }

    public int Id => _process.Id;

    public static ClientProcess Start(string baseUrl, string? deviceZone)
    {
        var start = SelfProcess.StartInfo([Program.ClientModeSwitch, baseUrl, deviceZone ?? ""]);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;

        // The client's own memory is not measured: the workstation GC is plenty for it.
        start.Environment["DOTNET_gcServer"] = "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the client process.");
        var stderr = Task.Run(async () =>
        {
            string? line;
            while ((line = await process.StandardError.ReadLineAsync()) is not null)
            {
                await Console.Error.WriteLineAsync("[client] " + line);
            }
        });
        return new ClientProcess(process, stderr);
    }

    /// <summary>Sends one command and returns the fields of its answer after "ok"; throws on "error" or a time-out.</summary>
    public async Task<string[]> AskAsync(string command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        string? line;
        try
        {
            line = await _process.StandardOutput.ReadLineAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The client did not answer '{command.Split('\t')[0]}' within {timeout.TotalSeconds:0} s.");
        }

        if (line is null)
        {
            throw new InvalidOperationException($"The client process ended (exit code {(_process.HasExited ? _process.ExitCode : -1)}).");
        }

        var fields = line.Split('\t');
        return fields[0] == "ok" ? fields[1..] : throw new InvalidOperationException("The client: " + string.Join(" ", fields[1..]));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await _process.StandardInput.WriteLineAsync("quit");
                await _process.StandardInput.FlushAsync();
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await _process.WaitForExitAsync(wait.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
        }
        finally
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true); // only the process this program started, by its handle
                await _process.WaitForExitAsync();
            }

            await _stderr.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
            _process.Dispose();
        }
    }
}
