using System.Collections.Concurrent;
using System.Security.Cryptography;
using FacilitatorKit.Application.Access;
using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Application.Ports;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Web.Access;

/// <summary>A device that came in by an invite, as the console lists it ("Tablet · co-facilitator · joined 19:02").</summary>
public sealed record InvitedDevice(Guid Id, Guid Invite, Guid Meeting, Role Role, string Kind, DateTimeOffset JoinedAt);

/// <summary>An invite as the console shows it once: its link carries the token, which is never stored.</summary>
public sealed record NewInvite(Guid Id, Role Role, string Token, DateTimeOffset? EndsAt);

/// <summary>
/// Invites into one meeting, and the devices that came in by them. A token is 256 random bits, shown once (a link and
/// a QR code) and stored only as its SHA-256 hash: guessing one is hopeless, so a fast hash is enough, and the store
/// alone does not let anyone in. What is live is kept in memory too, so each request and each press checks it
/// without a read: revoking a device, withdrawing an invite, the invite's end and the meeting's end take effect at once.
/// </summary>
public sealed class Invites(IAccessRepository store, MeetingSessions sessions, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly ConcurrentDictionary<string, InviteRecord> _byHash = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, InviteRecord> _invites = new();
    private readonly ConcurrentDictionary<Guid, InvitedDevice> _devices = new();
    private readonly ConcurrentDictionary<Guid, ParticipantId> _selves = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<object, Action>> _revokedWatchers = new();
    private readonly ConcurrentDictionary<Guid, bool> _joinedAsNewcomer = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<object, Action>> _deviceListWatchers = new();
    private volatile bool _loaded;

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        if (_loaded)
        {
            return;
        }

        await _loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_loaded)
            {
                return;
            }

            var (invites, devices) = await store.LiveAccessAsync(cancellationToken).ConfigureAwait(false);
            foreach (var invite in invites)
            {
                _invites[invite.Id] = invite;
                _byHash[invite.TokenHash] = invite;
            }

            foreach (var device in devices)
            {
                if (_invites.TryGetValue(device.InviteId, out var invite))
                {
                    _devices[device.Id] = new InvitedDevice(device.Id, invite.Id, invite.MeetingId, invite.Role, device.Kind, device.JoinedAt);
                }
            }

            _loaded = true;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>A new invite into <paramref name="meeting"/> for <paramref name="role"/>; stored before its link is shown.</summary>
    public async Task<NewInvite> CreateAsync(MeetingId meeting, Role role, DateTimeOffset? endsAt = null, CancellationToken cancellationToken = default)
    {
        if (role == Role.Facilitator)
        {
            throw new ArgumentException("Facilitators sign in; they are not invited by link.", nameof(role));
        }

        await LoadAsync(cancellationToken).ConfigureAwait(false);
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var invite = new InviteRecord
        {
            Id = Guid.NewGuid(),
            MeetingId = meeting.Value,
            Role = role,
            TokenHash = Hash(token),
            CreatedAt = clock.GetUtcNow(),
            EndsAt = endsAt,
        };
        await store.AddInviteAsync(invite, cancellationToken).ConfigureAwait(false);
        _invites[invite.Id] = invite;
        _byHash[invite.TokenHash] = invite;
        return new NewInvite(invite.Id, role, token, endsAt);
    }

    /// <summary>The live invite this token opens, or null (unknown, withdrawn, past its end, or its meeting is over).</summary>
    public async Task<InviteRecord?> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        await LoadAsync(cancellationToken).ConfigureAwait(false);
        return _byHash.TryGetValue(Hash(token), out var invite) && await IsOpenAsync(invite, cancellationToken).ConfigureAwait(false) ? invite : null;
    }

    /// <summary>How many devices one link lets in: a room's worth (every person's phone, and then some).</summary>
    public const int MostDevicesPerInvite = Engine.Limits.ParticipantsPerMeeting;

    /// <summary>Whether this link has let in as many devices as it may (a link posted somewhere it should not be).</summary>
    public bool IsFull(InviteRecord invite) => _devices.Values.Count(d => d.Invite == invite.Id) >= MostDevicesPerInvite;

    /// <summary>A device comes in by <paramref name="invite"/>: it is stored, then listed on the console.</summary>
    public async Task<InvitedDevice> JoinAsync(InviteRecord invite, string? userAgent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invite);
        var record = new InvitedDeviceRecord { Id = Guid.NewGuid(), InviteId = invite.Id, Kind = KindOf(userAgent), JoinedAt = clock.GetUtcNow() };
        await store.AddDeviceAsync(record, cancellationToken).ConfigureAwait(false);
        var device = new InvitedDevice(record.Id, invite.Id, invite.MeetingId, invite.Role, record.Kind, record.JoinedAt);
        _devices[device.Id] = device;
        DeviceListChanged(invite.MeetingId);
        return device;
    }

    /// <summary>Whether a device's invite still lets it in: checked on each press, so it needs no read.</summary>
    public bool IsActive(Guid device) =>
        _devices.TryGetValue(device, out var d) && _invites.TryGetValue(d.Invite, out var invite) && invite.WithdrawnAt is null
        && (invite.EndsAt is null || invite.EndsAt > clock.GetUtcNow());

    /// <summary>Whether a device may still come in: <see cref="IsActive"/>, and its meeting is not over.</summary>
    public async Task<bool> StillLetsInAsync(Guid device, CancellationToken cancellationToken = default)
    {
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        return IsActive(device) && _devices.TryGetValue(device, out var d) && _invites.TryGetValue(d.Invite, out var invite)
            && await IsOpenAsync(invite, cancellationToken).ConfigureAwait(false);
    }

    public IReadOnlyList<InvitedDevice> DevicesOf(MeetingId meeting) =>
        [.. _devices.Values.Where(d => d.Meeting == meeting.Value && IsActive(d.Id)).OrderBy(d => d.JoinedAt)];

    /// <summary>Shuts a device out at once: its presses are refused from now, and its open view closes.</summary>
    public async Task RevokeAsync(Guid device, CancellationToken cancellationToken = default)
    {
        await store.RevokeDeviceAsync(device, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (_devices.TryRemove(device, out var gone))
        {
            _selves.TryRemove(device, out _);
            Close(device);
            DeviceListChanged(gone.Meeting);
        }
    }

    /// <summary>The meeting's links that still let devices in, oldest first.</summary>
    public IReadOnlyList<InviteRecord> InvitesOf(MeetingId meeting) =>
        [.. _invites.Values.Where(i => i.MeetingId == meeting.Value && i.WithdrawnAt is null && (i.EndsAt is null || i.EndsAt > clock.GetUtcNow())).OrderBy(i => i.CreatedAt)];

    /// <summary>Stops a link: it opens nothing from now, and every device that came in by it is shut out and closes.</summary>
    public async Task WithdrawAsync(Guid invite, CancellationToken cancellationToken = default)
    {
        await store.WithdrawInviteAsync(invite, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (!_invites.TryRemove(invite, out var gone))
        {
            return;
        }

        _byHash.TryRemove(gone.TokenHash, out _);
        foreach (var device in _devices.Values.Where(d => d.Invite == invite).ToList())
        {
            _devices.TryRemove(device.Id, out _);
            _selves.TryRemove(device.Id, out _);
            Close(device.Id);
        }

        DeviceListChanged(gone.MeetingId);
    }

    /// <summary>The member a phone said it is, if it has said.</summary>
    public ParticipantId? SelfOf(Guid device) => _selves.TryGetValue(device, out var self) ? self : null;

    /// <summary>
    /// A member's phone says who it is. Refused (false) when another phone in the meeting already says it is that
    /// person: one person, one phone, so nobody raises a hand for someone else.
    /// </summary>
    public bool ClaimSelf(Guid device, ParticipantId self)
    {
        if (!_devices.TryGetValue(device, out var mine))
        {
            return false;
        }

        lock (_selves)
        {
            var taken = _selves.Any(s => s.Key != device && s.Value == self && _devices.TryGetValue(s.Key, out var other) && other.Meeting == mine.Meeting);
            if (taken)
            {
                return false;
            }

            _selves[device] = self;
            return true;
        }
    }

    /// <summary>The phone is not that person after all ("Not me?"): the name is free for the right phone.</summary>
    public void ForgetSelf(Guid device) => _selves.TryRemove(device, out _);

    /// <summary>Runs <paramref name="onRevoked"/> (once) when this device is revoked: its view closes.</summary>
    public IDisposable WatchRevoked(Guid device, Action onRevoked)
    {
        var key = new object();
        _revokedWatchers.GetOrAdd(device, _ => new()).TryAdd(key, onRevoked); // each open tab of the device
        return new Unwatch(() =>
        {
            if (_revokedWatchers.TryGetValue(device, out var watchers))
            {
                watchers.TryRemove(key, out _);
            }
        });
    }

    /// <summary>
    /// A phone may join as a newcomer once: a second newcomer from the same phone is refused (false), so one phone
    /// cannot fill the meeting with people who are not there.
    /// </summary>
    public bool MayJoinAsNewcomer(Guid device) => !_joinedAsNewcomer.ContainsKey(device);

    public void JoinedAsNewcomer(Guid device) => _joinedAsNewcomer[device] = true;

    private void Close(Guid device)
    {
        _selves.TryRemove(device, out _);
        if (_revokedWatchers.TryRemove(device, out var watchers))
        {
            foreach (var close in watchers.Values)
            {
                try
                {
                    close();
                }
                catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
                {
                    // a tab already closed
                }
            }
        }
    }

    /// <summary>Runs <paramref name="onChange"/> when a device joins or is revoked in this meeting (the console's list).</summary>
    public IDisposable WatchDevices(MeetingId meeting, Action onChange)
    {
        var key = new object();
        _deviceListWatchers.GetOrAdd(meeting.Value, _ => new()).TryAdd(key, onChange);
        return new Unwatch(() =>
        {
            if (_deviceListWatchers.TryGetValue(meeting.Value, out var watchers))
            {
                watchers.TryRemove(key, out _);
            }
        });
    }

    /// <summary>"Tablet", "Phone" or "Computer": enough to tell devices apart on the list, and nothing more.</summary>
    public static string KindOf(string? userAgent)
    {
        var ua = userAgent ?? "";
        if (ua.Contains("iPad", StringComparison.OrdinalIgnoreCase) || ua.Contains("Tablet", StringComparison.OrdinalIgnoreCase)
            || (ua.Contains("Android", StringComparison.OrdinalIgnoreCase) && !ua.Contains("Mobile", StringComparison.OrdinalIgnoreCase)))
        {
            return "Tablet";
        }

        return ua.Contains("Mobile", StringComparison.OrdinalIgnoreCase) || ua.Contains("iPhone", StringComparison.OrdinalIgnoreCase) ? "Phone" : "Computer";
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private async Task<bool> IsOpenAsync(InviteRecord invite, CancellationToken cancellationToken)
    {
        if (invite.WithdrawnAt is not null || (invite.EndsAt is { } ends && ends <= clock.GetUtcNow()))
        {
            return false;
        }

        var session = await sessions.GetAsync(new MeetingId(invite.MeetingId), cancellationToken).ConfigureAwait(false);
        return session is not null && session.State.Phase is not (MeetingPhase.Ended or MeetingPhase.Cancelled);
    }

    private void DeviceListChanged(Guid meeting)
    {
        if (_deviceListWatchers.TryGetValue(meeting, out var watchers))
        {
            foreach (var watcher in watchers.Values)
            {
                try
                {
                    watcher();
                }
                catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
                {
                    // a closed console; the others still hear
                }
            }
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed class Unwatch(Action undo) : IDisposable
    {
        private Action? _undo = undo;

        public void Dispose() => Interlocked.Exchange(ref _undo, null)?.Invoke();
    }

    public void Dispose() => _loading.Dispose();
}
