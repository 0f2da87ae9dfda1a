using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FacilitatorKit.CircuitMemory;

/// <summary>
/// One live view without a browser: what blazor.web.js does for a page whose interactive root components are not
/// prerendered. GET the page and take its component markers (<c>&lt;!--Blazor:{...}--&gt;</c>); negotiate and open a
/// WebSocket on <c>/_blazor</c> with SignalR's MessagePack hub protocol under the name "blazorpack"; <c>StartCircuit</c>
/// with no initial components; once the server has attached its renderer's interop (a JS call), send the markers as
/// "add" operations with <c>UpdateRootComponents</c>. From then on, acknowledge every render batch
/// (<c>OnRenderCompleted</c>) and answer every JS call (<c>EndInvokeJSFromDotNet</c>) as a browser would, so the
/// components finish rendering and run their after-render code. No DOM is built: the batches' string tables are read
/// to check what the page shows.
/// </summary>
internal sealed partial class BlazorCircuit : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly Uri _base;
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<object?>> _invocations = new();
    private readonly TaskCompletionSource _rendererAttached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HashSet<string> _wanted = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private HashSet<string>? _seenSinceArmed;
    private Task? _receiving;
    private long _lastActivity = Stopwatch.GetTimestamp();
    private int _nextInvocation;
    private int _nextJsObject = 1;
    private string? _secret;
    private volatile bool _closing;

    /// <summary>The facilitator's sign-in cookie ("fk.signin=…"), sent with every circuit's WebSocket.</summary>
    public static string? SignInCookie { get; set; }

    private BlazorCircuit(HttpClient http, Uri baseUri)
    {
        _http = http;
        _base = baseUri;
    }

    /// <summary>The JS functions the server called, by name, over every circuit of this process.</summary>
    public static ConcurrentDictionary<string, int> JsCalls { get; } = new(StringComparer.Ordinal);

    /// <summary>Every JS call written to standard error (FK_CIRCUIT_TRACE=1), to see what a page asks of its browser.</summary>
    private static bool Trace { get; } = Environment.GetEnvironmentVariable("FK_CIRCUIT_TRACE") == "1";

    public int Batches { get; private set; }

    public long BatchBytes { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The page's strings seen so far (kept only while <see cref="KeepAllStrings"/> is on).</summary>
    public HashSet<string>? AllStrings { get; private set; }

    public bool KeepAllStrings { get; init; }

    public static async Task<BlazorCircuit> OpenAsync(HttpClient http, Uri baseUri, Uri page, IEnumerable<string> expected, bool keepAllStrings, CancellationToken cancellationToken)
    {
        var circuit = new BlazorCircuit(http, baseUri) { KeepAllStrings = keepAllStrings };
        circuit._wanted.UnionWith(expected);
        if (keepAllStrings)
        {
            circuit.AllStrings = new HashSet<string>(StringComparer.Ordinal);
        }

        try
        {
            await circuit.StartAsync(page, cancellationToken);
            return circuit;
        }
        catch
        {
            await circuit.DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync(Uri page, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Timeout);
        var html = await _http.GetStringAsync(page, limit.Token);
        var markers = MarkerPattern().Matches(html).Select(m => JsonNode.Parse(m.Groups[1].Value)!.AsObject()).ToList();
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"{page} has no interactive component markers.");
        }

        var state = StatePattern().Match(html) is { Success: true } s ? s.Groups[1].Value : "";

        // Negotiate, as the SignalR client does, then the WebSocket with the connection's token.
        using var negotiate = await _http.PostAsync(new Uri(_base, "_blazor/negotiate?negotiateVersion=1"), content: null, limit.Token);
        negotiate.EnsureSuccessStatusCode();
        using var negotiated = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync(limit.Token));
        var token = negotiated.RootElement.GetProperty("connectionToken").GetString();
        var ws = new UriBuilder(_base) { Scheme = _base.Scheme == "https" ? "wss" : "ws", Path = "/_blazor", Query = "id=" + Uri.EscapeDataString(token!) }.Uri;
        if (SignInCookie is { } cookie)
        {
            _socket.Options.SetRequestHeader("Cookie", cookie); // the facilitator's sign-in, as a browser's WebSocket sends it
        }

        await _socket.ConnectAsync(ws, limit.Token);
        await _socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"blazorpack\",\"version\":1}\u001e"), WebSocketMessageType.Text, endOfMessage: true, limit.Token);
        _receiving = Task.Run(ReceiveAsync, CancellationToken.None);
        await _handshake.Task.WaitAsync(limit.Token);

        // blazor.web.js: StartCircuit(baseURI, location.href, "[]" (its root components are added later), state).
        _secret = await InvokeAsync("StartCircuit", limit.Token, _base.ToString(), page.ToString(), "[]", state) as string;
        if (string.IsNullOrEmpty(_secret))
        {
            throw new InvalidOperationException($"StartCircuit for {page} returned no circuit id{(Error is null ? "" : ": " + Error)}.");
        }

        // The page's root components are added once the server's renderer is attached (WebRootComponentManager).
        await _rendererAttached.Task.WaitAsync(limit.Token);
        var operations = new JsonArray();
        for (var i = 0; i < markers.Count; i++)
        {
            var marker = markers[i];
            marker["uniqueId"] = i;
            operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = marker });
        }

        var batch = new JsonObject { ["batchId"] = 1, ["operations"] = operations };
        await SendAsync("UpdateRootComponents", limit.Token, batch.ToJsonString(), state);
    }

    /// <summary>Waits until the page showed every expected string and nothing has arrived for <paramref name="quiet"/>.</summary>
    public async Task WaitSettledAsync(TimeSpan quiet, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Timeout);
        while (true)
        {
            ThrowIfFailed();
            if (MissingExpected().Count == 0 && Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastActivity)) >= quiet)
            {
                return;
            }

            try
            {
                await Task.Delay(25, limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The page did not render within {Timeout.TotalSeconds:0} s; still missing: {string.Join(", ", MissingExpected().Select(m => $"\"{m}\""))}; {Batches} render batches.");
            }
        }
    }

    public List<string> MissingExpected()
    {
        lock (_lock)
        {
            return [.. _wanted.Where(w => !_seen.Contains(w))];
        }
    }

    /// <summary>From now on, the strings of every render batch are also collected apart, to see what a change re-rendered.</summary>
    public void Arm()
    {
        lock (_lock)
        {
            _seenSinceArmed = new HashSet<string>(StringComparer.Ordinal);
        }
    }

    public bool SeenSinceArmed(string text)
    {
        lock (_lock)
        {
            return _seenSinceArmed?.Contains(text) == true;
        }
    }

    public TimeSpan SinceLastMessage => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastActivity));

    public void ThrowIfFailed()
    {
        if (Error is { } error)
        {
            throw new InvalidOperationException(error);
        }
    }

    /// <summary>A SignalR ping, so the server does not time the connection out (it expects one at least every 30 s).</summary>
    public Task PingAsync(CancellationToken cancellationToken) =>
        SendFrameAsync(MsgPack.Frame(w => w.Array(1).Int(6)), cancellationToken);

    private async Task<object?> InvokeAsync(string target, CancellationToken cancellationToken, params object?[] args)
    {
        var id = Interlocked.Increment(ref _nextInvocation).ToString(CultureInfo.InvariantCulture);
        var result = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _invocations[id] = result;
        await SendFrameAsync(Invocation(id, target, args), cancellationToken);
        return await result.Task.WaitAsync(cancellationToken);
    }

    private Task SendAsync(string target, CancellationToken cancellationToken, params object?[] args) =>
        SendFrameAsync(Invocation(null, target, args), cancellationToken);

    private static byte[] Invocation(string? id, string target, object?[] args) => MsgPack.Frame(w =>
    {
        // [1 (invocation), headers, invocation id or nil, target, arguments, stream ids]
        w.Array(6).Int(1).Map(0).String(id).String(target).Array(args.Length);
        foreach (var arg in args)
        {
            _ = arg switch
            {
                null => w.Nil(),
                string text => w.String(text),
                bool flag => w.Bool(flag),
                int n => w.Int(n),
                long n => w.Int(n),
                _ => throw new NotSupportedException($"Cannot send a {arg.GetType().Name}."),
            };
        }

        w.Array(0);
    });

    private async Task SendFrameAsync(byte[] frame, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(frame, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[16 * 1024];
        var length = 0;
        var handshaken = false;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var received = await _socket.ReceiveAsync(buffer.AsMemory(length), _stop.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    Fail(_closing ? null : $"The server closed the connection ({_socket.CloseStatus} {_socket.CloseStatusDescription}).");
                    return;
                }

                length += received.Count;
                Interlocked.Exchange(ref _lastActivity, Stopwatch.GetTimestamp());
                var at = 0;
                if (!handshaken)
                {
                    var end = Array.IndexOf(buffer, (byte)0x1e, 0, length);
                    if (end < 0)
                    {
                        continue;
                    }

                    var answer = Encoding.UTF8.GetString(buffer, 0, end);
                    using (var json = JsonDocument.Parse(answer))
                    {
                        if (json.RootElement.TryGetProperty("error", out var error))
                        {
                            Fail($"The hub refused the handshake: {error}");
                            _handshake.TrySetException(new InvalidOperationException(Error));
                            return;
                        }
                    }

                    handshaken = true;
                    _handshake.TrySetResult();
                    at = end + 1;
                }

                while (MsgPack.TryReadFrameSize(buffer.AsSpan(at, length - at), out var size, out var prefix) && at + prefix + size <= length)
                {
                    var message = new MsgPack.Reader(buffer.AsSpan(at + prefix, size)).Read() as object?[]
                        ?? throw new InvalidDataException("A hub message is not an array.");
                    at += prefix + size;
                    await HandleAsync(message);
                }

                if (at > 0)
                {
                    Buffer.BlockCopy(buffer, at, buffer, 0, length - at);
                    length -= at;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever broke the connection or could not be read (a message of an unexpected shape) fails this circuit,
            // and the run says so, rather than waiting for a page that will never finish.
            Fail(_closing ? null : $"{e.GetType().Name}: {e.Message}");
        }
        finally
        {
            _handshake.TrySetException(new InvalidOperationException(Error ?? "The connection ended."));
            _rendererAttached.TrySetException(new InvalidOperationException(Error ?? "The connection ended."));
            foreach (var pending in _invocations.Values)
            {
                pending.TrySetException(new InvalidOperationException(Error ?? "The connection ended."));
            }
        }
    }

    private void Fail(string? error)
    {
        if (error is not null)
        {
            Error ??= error;
        }
    }

    private async Task HandleAsync(object?[] message)
    {
        switch ((long)message[0]!)
        {
            case 1: // invocation: [1, headers, invocation id, target, arguments, (stream ids)]
                await OnInvocationAsync((string)message[3]!, (object?[])message[4]!);
                break;
            case 3: // completion: [3, headers, invocation id, result kind (1 error, 2 void, 3 result), result]
                var id = (string)message[2]!;
                if (_invocations.TryRemove(id, out var pending))
                {
                    if ((long)message[3]! == 1)
                    {
                        Fail($"The hub answered an invocation with an error: {message[4]}");
                        pending.TrySetException(new InvalidOperationException(Error));
                    }
                    else
                    {
                        pending.TrySetResult(message.Length > 4 ? message[4] : null);
                    }
                }

                break;
            case 6: // ping
                break;
            case 7: // close: [7, error, allow reconnect]
                Fail(message.Length > 1 && message[1] is string closeError ? $"The hub closed the connection: {closeError}" : "The hub closed the connection.");
                break;
            default:
                break;
        }
    }

    private async Task OnInvocationAsync(string target, object?[] args)
    {
        switch (target)
        {
            case "JS.RenderBatch":
            {
                var batchId = (long)args[0]!;
                var batch = (byte[])args[1]!;
                Batches++;
                BatchBytes += batch.Length;
                lock (_lock)
                {
                    foreach (var text in RenderBatchStrings.Of(batch))
                    {
                        if (_wanted.Contains(text))
                        {
                            _seen.Add(text);
                        }

                        _seenSinceArmed?.Add(text);
                        AllStrings?.Add(text);
                    }
                }

                await SendAsync("OnRenderCompleted", _stop.Token, batchId, null);
                break;
            }

            case "JS.BeginInvokeJS":
            {
                // (async handle, identifier, arguments as JSON, result type, target instance id[, call type])
                var handle = (long)args[0]!;
                var identifier = (string)args[1]!;
                var resultType = args.Length > 3 && args[3] is long type ? type : 0;
                JsCalls.AddOrUpdate(identifier, 1, (_, n) => n + 1);
                if (Trace)
                {
                    await Console.Error.WriteLineAsync($"JS {handle} {identifier}({args[2]}) result type {resultType}, call type {(args.Length > 5 ? args[5] : "-")}, target {args[4]}");
                }
                if (identifier.EndsWith("attachWebRendererInterop", StringComparison.Ordinal))
                {
                    _rendererAttached.TrySetResult();
                }

                if (handle != 0)
                {
                    var result = JsResult(identifier, resultType);
                    var json = string.Create(CultureInfo.InvariantCulture, $"[{handle},true,{result}]");
                    await SendAsync("EndInvokeJSFromDotNet", _stop.Token, handle, true, json);
                }

                break;
            }

            case "JS.Error":
                Fail($"The circuit failed: {args.FirstOrDefault()}");
                break;

            default:
                // JS.AttachComponent, JS.EndUpdateRootComponents, JS.EndInvokeDotNet, ...: nothing to answer.
                break;
        }
    }

    /// <summary>What the page's JavaScript would return: a module for "import" (an object reference), [look, time zone] for DeviceSettings' "read", MudBlazor's answers, null for the rest (void calls and no existing title).</summary>
    private string JsResult(string identifier, long resultType)
    {
        if (resultType == 1) // JSCallResultType.JSObjectReference
        {
            return string.Create(CultureInfo.InvariantCulture, $"{{\"__jsObjectId\":{Interlocked.Increment(ref _nextJsObject)}}}");
        }

        return identifier switch
        {
            // DeviceSettings.razor.js: what a browser on this machine, with no stored choice, would say.
            "read" => "[null," + JsonSerializer.Serialize(DeviceZone) + "]",
            // MudBlazor's script is loaded on the page, with its helpers on window, and the layout has one popover provider.
            "window.hasOwnProperty" => "true",
            "mudpopoverHelper.countProviders" => "1",
            _ => "null",
        };
    }

    /// <summary>
    /// The time zone the "browser" names. By default the server's own zone, by its own name, so the app sees no change
    /// of zone; a browser may name the same zone differently (Chromium says "UTC" where Linux says "Etc/UTC"), and then
    /// the app re-renders every meeting page once when it learns it.
    /// </summary>
    public static string DeviceZone { get; set; } =
        TimeZoneInfo.TryConvertWindowsIdToIanaId(TimeZoneInfo.Local.Id, out var iana) ? iana : TimeZoneInfo.Local.Id;

    /// <summary>Closes the page as a browser does: tells the server to dispose the circuit now (POST _blazor/disconnect), then closes the WebSocket.</summary>
    public async ValueTask DisposeAsync()
    {
        _closing = true;
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        if (_secret is not null)
        {
            try
            {
                using var form = new FormUrlEncodedContent([new KeyValuePair<string, string>("circuitId", _secret)]);
                using var _ = await _http.PostAsync(new Uri(_base, "_blazor/disconnect"), form, limit.Token);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                // The server is gone or busy; closing the socket below still ends the connection.
            }
        }

        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closed", limit.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }

        await _stop.CancelAsync();
        if (_receiving is not null)
        {
            try
            {
                await _receiving.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (TimeoutException)
            {
            }
        }

        _socket.Dispose();
        _sending.Dispose();
        _stop.Dispose();
    }

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerPattern();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex StatePattern();
}
