using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace FacilitatorKit.CircuitMemory;

/// <summary>
/// The client side, run as a child process so that its memory is not the server's: it holds the live views and obeys
/// one command a line on standard input, answering one line on standard output ("ok\t..." or "error\t...").
/// Fields are separated by tabs.
/// <list type="bullet">
/// <item><c>open COUNT PARALLEL URL EXPECTED...</c>: opens COUNT circuits of the page, each rendered (its batches
/// showed every EXPECTED string) and settled (no message for a moment).</item>
/// <item><c>arm</c>: from now on, collect what each circuit re-renders.</item>
/// <item><c>await TEXT SECONDS</c>: waits until every circuit has re-rendered showing TEXT, and settled.</item>
/// <item><c>strings FILE</c>: writes the strings the first circuit showed (for choosing EXPECTED).</item>
/// <item><c>close</c>: closes every circuit as a browser tab closing does. <c>quit</c>: closes and exits.</item>
/// </list>
/// </summary>
internal static class ClientHost
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);
    private static readonly Stopwatch SinceArmed = new();
    private static long _batchesWhenArmed;

    public static async Task<int> RunAsync(Uri baseUri, string? deviceZone)
    {
        if (!string.IsNullOrEmpty(deviceZone))
        {
            BlazorCircuit.DeviceZone = deviceZone;
        }

        using var handler = new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 16, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };

        // Every page needs a sign-in: the views are a facilitator's devices.
        BlazorCircuit.SignInCookie = await FacilitatorKit.Measuring.FacilitatorSignIn.CookieAsync(baseUri);
        http.DefaultRequestHeaders.Add("Cookie", BlazorCircuit.SignInCookie);
        var circuits = new List<BlazorCircuit>();
        using var stop = new CancellationTokenSource();

        // Keep every connection alive: the server drops a client it has not heard from in 30 s.
        var pinging = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token))
                {
                    BlazorCircuit[] open;
                    lock (circuits)
                    {
                        open = [.. circuits];
                    }

                    foreach (var circuit in open)
                    {
                        try
                        {
                            await circuit.PingAsync(stop.Token);
                        }
                        catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or InvalidOperationException or ObjectDisposedException)
                        {
                            // Reported by the circuit itself when it is next checked.
                        }
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        var output = Console.Out;
        string? line;
        while ((line = await Console.In.ReadLineAsync()) is not null)
        {
            var fields = line.Split('\t');
            try
            {
                var answer = fields[0] switch
                {
                    "open" => await OpenAsync(http, baseUri, circuits, fields),
                    "arm" => Arm(circuits),
                    "await" => await AwaitAsync(circuits, fields[1], TimeSpan.FromSeconds(int.Parse(fields[2], CultureInfo.InvariantCulture))),
                    "strings" => WriteStrings(circuits, fields[1]),
                    "close" => await CloseAsync(circuits),
                    "quit" => null,
                    _ => throw new ArgumentException($"Unknown command '{fields[0]}'."),
                };
                if (answer is null)
                {
                    break;
                }

                await output.WriteLineAsync("ok\t" + answer);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                await output.WriteLineAsync("error\t" + e.Message.ReplaceLineEndings(" "));
            }

            await output.FlushAsync();
        }

        await stop.CancelAsync();
        await pinging;
        await CloseAsync(circuits);
        return 0;
    }

    private static async Task<string> OpenAsync(HttpClient http, Uri baseUri, List<BlazorCircuit> circuits, string[] fields)
    {
        var count = int.Parse(fields[1], CultureInfo.InvariantCulture);
        var parallel = int.Parse(fields[2], CultureInfo.InvariantCulture);
        var page = new Uri(fields[3]);
        var expected = fields[4..].Where(f => f.Length > 0).ToArray();
        var clock = Stopwatch.StartNew();
        var callsBefore = new Dictionary<string, int>(BlazorCircuit.JsCalls, StringComparer.Ordinal);
        var opened = new BlazorCircuit[count];
        var next = -1;
        var keepStrings = circuits.Count == 0;
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, parallel)).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var circuit = await BlazorCircuit.OpenAsync(http, baseUri, page, expected, keepStrings && i == 0, CancellationToken.None);
                opened[i] = circuit;
                lock (circuits)
                {
                    circuits.Add(circuit);
                }

                await circuit.WaitSettledAsync(Quiet, CancellationToken.None);
            }
        }));

        // Everything settled together: nothing is still arriving on any of them.
        await SettleAllAsync(circuits, TimeSpan.FromSeconds(30));
        var batches = opened.Sum(c => c.Batches);
        var bytes = opened.Sum(c => c.BatchBytes);
        // The JS calls the server made while these circuits opened, by function.
        var calls = string.Join(",", BlazorCircuit.JsCalls
            .Select(p => (p.Key, Count: p.Value - callsBefore.GetValueOrDefault(p.Key)))
            .Where(p => p.Count > 0)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Count}"));
        return string.Create(CultureInfo.InvariantCulture, $"{count}\t{clock.ElapsedMilliseconds}\t{batches}\t{bytes}\t{calls}");
    }

    private static string Arm(List<BlazorCircuit> circuits)
    {
        foreach (var circuit in circuits)
        {
            circuit.Arm();
        }

        _batchesWhenArmed = circuits.Sum(c => (long)c.Batches);
        SinceArmed.Restart();
        return circuits.Count.ToString(CultureInfo.InvariantCulture);
    }

    private static async Task<string> AwaitAsync(List<BlazorCircuit> circuits, string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            foreach (var circuit in circuits)
            {
                circuit.ThrowIfFailed();
            }

            var waiting = circuits.Count(c => !c.SeenSinceArmed(text));
            if (waiting == 0)
            {
                break;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{waiting} of {circuits.Count} circuits did not re-render showing \"{text}\" within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(20);
        }

        // From "arm" (just before the change is submitted) until every circuit has shown it.
        var seenAll = SinceArmed.ElapsedMilliseconds;
        await SettleAllAsync(circuits, timeout);
        return string.Create(CultureInfo.InvariantCulture, $"{circuits.Count}\t{seenAll}\t{circuits.Sum(c => (long)c.Batches) - _batchesWhenArmed}");
    }

    private static async Task SettleAllAsync(List<BlazorCircuit> circuits, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            foreach (var circuit in circuits)
            {
                circuit.ThrowIfFailed();
            }

            if (circuits.All(c => c.SinceLastMessage >= Quiet))
            {
                return;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"The circuits kept receiving messages for {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(50);
        }
    }

    private static string WriteStrings(List<BlazorCircuit> circuits, string file)
    {
        var strings = circuits.FirstOrDefault(c => c.AllStrings is not null)?.AllStrings ?? [];
        File.WriteAllLines(file, strings.Select(s => s.ReplaceLineEndings("⏎")).Order(StringComparer.Ordinal), Encoding.UTF8);
        return strings.Count.ToString(CultureInfo.InvariantCulture);
    }

    private static async Task<string> CloseAsync(List<BlazorCircuit> circuits)
    {
        BlazorCircuit[] open;
        lock (circuits)
        {
            open = [.. circuits];
            circuits.Clear();
        }

        // A few at a time, as tabs close.
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < open.Length)
            {
                await open[i].DisposeAsync();
            }
        }));
        return open.Length.ToString(CultureInfo.InvariantCulture);
    }
}
