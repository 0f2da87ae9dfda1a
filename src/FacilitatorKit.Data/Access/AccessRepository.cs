using FacilitatorKit.Application.Access;
using FacilitatorKit.Application.Ports;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FacilitatorKit.Data.Access;

public sealed class AccessRepository(IDbContextFactory<FacilitatorKitDb> contexts) : IAccessRepository
{
    public async Task<IReadOnlyList<FacilitatorAccountRecord>> AccountsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.FacilitatorAccounts.AsNoTracking().OrderBy(a => a.CreatedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> AddAccountAsync(FacilitatorAccountRecord account, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.FacilitatorAccounts.Add(account);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            return false; // the alias is taken (unique, NOCASE)
        }
    }

    public async Task AddInviteAsync(InviteRecord invite, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.Invites.Add(invite);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<InviteRecord?> InviteByTokenHashAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Invites.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == tokenHash, cancellationToken).ConfigureAwait(false);
    }

    public async Task<(IReadOnlyList<InviteRecord> Invites, IReadOnlyList<InvitedDeviceRecord> Devices)> LiveAccessAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var invites = await db.Invites.AsNoTracking().Where(i => i.WithdrawnAt == null).ToListAsync(cancellationToken).ConfigureAwait(false);
        var devices = await db.InvitedDevices.AsNoTracking().Where(d => d.RevokedAt == null).ToListAsync(cancellationToken).ConfigureAwait(false);
        return (invites, devices);
    }

    public async Task AddDeviceAsync(InvitedDeviceRecord device, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.InvitedDevices.Add(device);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task RevokeDeviceAsync(Guid deviceId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.InvitedDevices.Where(d => d.Id == deviceId && d.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.RevokedAt, at), cancellationToken).ConfigureAwait(false);
    }

    public async Task WithdrawInviteAsync(Guid inviteId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await db.Invites.Where(i => i.Id == inviteId && i.WithdrawnAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.WithdrawnAt, at), cancellationToken).ConfigureAwait(false);
        await db.InvitedDevices.Where(d => d.InviteId == inviteId && d.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.RevokedAt, at), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
