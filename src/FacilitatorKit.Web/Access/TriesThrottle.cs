using System.Collections.Concurrent;
using System.Net;

namespace FacilitatorKit.Web.Access;

/// <summary>
/// Wrong passphrases and wrong invite links, per client address: at most <see cref="FailuresPerMinute"/> in a minute,
/// then a wait that doubles each time the limit is reached again (30 s, 1 min, 2 min … at most 30 min). A successful
/// sign-in forgets the address's recent failures but not how long its next wait would be, until it has been quiet for
/// half an hour (so an account of one's own, or a member link, cannot be used to reset the count between guesses).
/// IPv6 addresses count by their /64 network, as one home or phone gets a whole /64. Guessing a passphrase over the
/// network becomes hopeless; a facilitator who mistypes a few times is never stopped.
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
        if (address is null || !_clients.TryGetValue(Key(address), out var client))
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
            // The quietest first; never more than the cap, whatever a flood of addresses does.
            foreach (var stale in _clients.OrderBy(c => c.Value.Last).Take(_clients.Count - (MostAddresses * 9 / 10)).Select(c => c.Key).ToList())
            {
                _clients.TryRemove(stale, out _);
            }
        }

        var client = _clients.GetOrAdd(Key(address), _ => new Client());
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

    /// <summary>A facilitator signed in from this address: its recent failures are forgotten.</summary>
    public void Succeeded(IPAddress? address)
    {
        if (address is null || !_clients.TryGetValue(Key(address), out var client))
        {
            return;
        }

        lock (client)
        {
            client.Failures.Clear();
            if (clock.GetUtcNow() - client.BlockedUntil > LongestWait)
            {
                client.Wait = TimeSpan.Zero;
            }
        }
    }

    /// <summary>The address as one client: IPv4 as it is (also when it arrives mapped to IPv6), IPv6 by its /64.</summary>
    private static IPAddress Key(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address;
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes);
    }

    private sealed class Client
    {
        public Queue<DateTimeOffset> Failures { get; } = new();
        public DateTimeOffset BlockedUntil { get; set; }
        public DateTimeOffset Last { get; set; }
        public TimeSpan Wait { get; set; }
    }
}
