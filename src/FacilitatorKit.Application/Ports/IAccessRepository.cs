using FacilitatorKit.Application.Access;

namespace FacilitatorKit.Application.Ports;

/// <summary>Facilitator accounts, invites and the devices that came in by them. Storage implements it.</summary>
public interface IAccessRepository
{
    Task<IReadOnlyList<FacilitatorAccountRecord>> AccountsAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds an account; false when the alias is taken (aliases are unique, ignoring case).</summary>
    Task<bool> AddAccountAsync(FacilitatorAccountRecord account, CancellationToken cancellationToken = default);

    Task AddInviteAsync(InviteRecord invite, CancellationToken cancellationToken = default);

    Task<InviteRecord?> InviteByTokenHashAsync(string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>Every invite and device not withdrawn or revoked, of every meeting (kept in memory by the app).</summary>
    Task<(IReadOnlyList<InviteRecord> Invites, IReadOnlyList<InvitedDeviceRecord> Devices)> LiveAccessAsync(CancellationToken cancellationToken = default);

    Task AddDeviceAsync(InvitedDeviceRecord device, CancellationToken cancellationToken = default);

    Task RevokeDeviceAsync(Guid deviceId, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task WithdrawInviteAsync(Guid inviteId, DateTimeOffset at, CancellationToken cancellationToken = default);
}
