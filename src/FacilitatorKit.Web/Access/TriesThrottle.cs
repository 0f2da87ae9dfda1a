using System.Collections.Concurrent;
using System.Net;

namespace FacilitatorKit.Web.Access;

/// <summary>
/// Wrong passphrases and wrong invite links, per client address: at most <see cref="FailuresPerMinute"/> in a minute,
/// then a wait that doubles each time the limit is reached again (30 s, 1 min, 2 min … at most 30 min). A success
/// forgets the address's failures. Guessing a passphrase over the network becomes hopeless; a facilitator who mistypes
/// a few times is never stopped.
/// </summary>
public sealed class TriesThrottle(TimeProvider clock)
{
    public const int FailuresPerMinute = 10;

    public static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(30);

    // Beyond this many addresses, the quietest are forgotten: a flood of addresses must not fill the memory.
    private const int MostAddresses = 10_000;

    private readonly ConcurrentDictionary<IPAddress, Client> _clients = new();

    /// <summary>How long this address must still wait before it may try again; zero when it may try now.</summary>
    public TimeSpan WaitFor(IPAddress? address)
    {
        if (address is null || !_clients.TryGetValue(address, out var client))
        {
            return TimeSpan.Zero;
        }

        lock (client)
        {
            var left = client.BlockedUntil - clock.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    public void Failed(IPAddress? address)
    {
        if (address is null)
        {
            return;
        }

        if (_clients.Count >= MostAddresses)
        {
            foreach (var stale in _clients.Where(c => c.Value.Last < clock.GetUtcNow() - LongestWait).Select(c => c.Key).ToList())
            {
                _clients.TryRemove(stale, out _);
            }
        }

        var client = _clients.GetOrAdd(address, _ => new Client());
        lock (client)
        {
            var now = clock.GetUtcNow();
            client.Last = now;
            client.Failures.Enqueue(now);
            while (client.Failures.Count > 0 && client.Failures.Peek() <= now - TimeSpan.FromMinutes(1))
            {
                client.Failures.Dequeue();
            }

            if (client.Failures.Count >= FailuresPerMinute)
            {
                client.Wait = client.Wait == TimeSpan.Zero ? FirstWait : TimeSpan.FromTicks(Math.Min(client.Wait.Ticks * 2, LongestWait.Ticks));
                client.BlockedUntil = now + client.Wait;
                client.Failures.Clear();
            }
        }
    }

    public void Succeeded(IPAddress? address)
    {
        if (address is not null)
        {
            _clients.TryRemove(address, out _);
        }
    }

    private sealed class Client
    {
        public Queue<DateTimeOffset> Failures { get; } = new();
        public DateTimeOffset BlockedUntil { get; set; }
        public DateTimeOffset Last { get; set; }
        public TimeSpan Wait { get; set; }
    }
}
