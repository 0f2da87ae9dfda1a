using System.Diagnostics;
using System.Text;

namespace FacilitatorKit.Publish.Tests;

/// <summary>
/// A process the test starts, with its stdout and stderr kept in order for the failure message. Disposing it ends
/// it and its children if it is still running, so a failing test leaves nothing behind.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _lock = new();

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the process wrote so far, stderr lines marked with "err:".</summary>
    public string Output
    {
        get
        {
            lock (_lock)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="fileName"/> with the environment of this process, less the variables named in
    /// <paramref name="remove"/> (whole names, or prefixes ending in *), plus <paramref name="set"/>.
    /// </summary>
    public static ChildProcess Start(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IEnumerable<string> remove,
        IReadOnlyDictionary<string, string> set)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true, // never the test host's own input
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in remove)
        {
            foreach (var key in info.Environment.Keys.Where(key => Matches(key, name)).ToList())
            {
                info.Environment.Remove(key);
            }
        }

        foreach (var (name, value) in set)
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data, "");
        process.ErrorDataReceived += (_, e) => child.Append(e.Data, "err: ");
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>True when the process exited within <paramref name="timeout"/>, with all its output read.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Ends the process and every process it started.</summary>
    public void KillTree()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }
    }

    /// <summary>The last <paramref name="characters"/> of the output, which is where build errors and crashes are.</summary>
    public string Tail(int characters = 20_000)
    {
        var all = Output;
        return all.Length <= characters ? all : "[...]" + all[^characters..];
    }

    public void Dispose()
    {
        KillTree();
        _process.Dispose();
    }

    private void Append(string? line, string prefix)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _output.Append(prefix).AppendLine(line);
        }
    }

    private static bool Matches(string key, string name) => name.EndsWith('*')
        ? key.StartsWith(name[..^1], StringComparison.OrdinalIgnoreCase)
        : string.Equals(key, name, StringComparison.OrdinalIgnoreCase);
}
