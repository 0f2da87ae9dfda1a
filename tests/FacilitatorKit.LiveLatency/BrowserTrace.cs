using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace FacilitatorKit.LiveLatency;

/// <summary>
/// A Chrome trace of the whole browser (every page's main thread, with CPU time per event), over the measured rounds,
/// for finding where the browser's time goes. Tracing costs time itself, so a traced run's latencies are not the figures.
/// </summary>
internal sealed class BrowserTrace
{
    private readonly ICDPSession _cdp;
    private readonly TaskCompletionSource<string> _complete = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BrowserTrace(ICDPSession cdp)
    {
        _cdp = cdp;
        _cdp.Event("Tracing.tracingComplete").OnEvent += (_, e) => _complete.TrySetResult(e?.GetProperty("stream").GetString() ?? "");
    }

    public static async Task<BrowserTrace> StartAsync(IBrowser browser)
    {
        var trace = new BrowserTrace(await browser.NewBrowserCDPSessionAsync());
        await trace._cdp.SendAsync("Tracing.start", new Dictionary<string, object>
        {
            ["transferMode"] = "ReturnAsStream",
            ["traceConfig"] = new
            {
                includedCategories = new[] { "devtools.timeline", "disabled-by-default-devtools.timeline", "blink", "cc", "toplevel", "v8", "renderer.scheduler", "ipc" },
                excludedCategories = new[] { "*" },
            },
        });
        return trace;
    }

    public async Task StopAsync(string path)
    {
        await _cdp.SendAsync("Tracing.end");
        var stream = await _complete.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await using var file = File.Create(path);
        while (true)
        {
            var chunk = await _cdp.SendAsync("IO.read", new Dictionary<string, object> { ["handle"] = stream, ["size"] = 1 << 20 });
            if (chunk is not { } json)
            {
                break;
            }

            var data = json.GetProperty("data").GetString() ?? "";
            var bytes = json.TryGetProperty("base64Encoded", out var b64) && b64.GetBoolean() ? Convert.FromBase64String(data) : Encoding.UTF8.GetBytes(data);
            await file.WriteAsync(bytes);
            if (json.GetProperty("eof").GetBoolean())
            {
                break;
            }
        }

        await _cdp.SendAsync("IO.close", new Dictionary<string, object> { ["handle"] = stream });
    }
}
