using FacilitatorKit.Application.Access;
using FacilitatorKit.Application.Ports;
using FacilitatorKit.Application.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace FacilitatorKit.Web.Access;

/// <summary>
/// Facilitators' sign-ins: an alias and a passphrase, hashed with the framework's <see cref="PasswordHasher{TUser}"/>
/// (PBKDF2, salted). No email, no phone. The accounts are few; they are kept in memory once read.
/// </summary>
public sealed class FacilitatorAccounts(IAccessRepository store, IValidator<NewFacilitator> validator, TimeProvider clock) : IDisposable
{
    private static readonly PasswordHasher<FacilitatorAccountRecord> Hasher = new();

    // The hash a wrong alias is checked against, so that a wrong alias takes as long as a wrong passphrase.
    private static readonly string Decoy = Hasher.HashPassword(new FacilitatorAccountRecord(), Guid.NewGuid().ToString());

    private readonly SemaphoreSlim _writing = new(1, 1);
    private IReadOnlyList<FacilitatorAccountRecord>? _accounts;

    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default) => (await AllAsync(cancellationToken).ConfigureAwait(false)).Count > 0;

    public async Task<IReadOnlyList<FacilitatorAccountRecord>> AllAsync(CancellationToken cancellationToken = default)
    {
        if (_accounts is { } known)
        {
            return known;
        }

        // A read that began before a change (an account added, a group deleted) must not put the older list back.
        var version = Volatile.Read(ref _version);
        var read = await store.AccountsAsync(cancellationToken).ConfigureAwait(false);
        if (Volatile.Read(ref _version) == version)
        {
            _accounts = read;
        }

        return read;
    }

    private int _version;

    /// <summary>The facilitators of one group: those of every group, and its own.</summary>
    public async Task<IReadOnlyList<FacilitatorAccountRecord>> OfGroupAsync(Guid group, CancellationToken cancellationToken = default) =>
        [.. (await AllAsync(cancellationToken).ConfigureAwait(false)).Where(a => a.GroupId is null || a.GroupId == group)];

    /// <summary>
    /// Adds an account. The first one (made on the app's first start, when there is none) facilitates every group;
    /// later ones are added by a facilitator for one group. Nothing is written for refused input.
    /// </summary>
    public async Task<Validated<FacilitatorAccountRecord>> AddAsync(NewFacilitator input, Guid? group, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = await validator.ValidateAsync(input, cancellationToken).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return Validated<FacilitatorAccountRecord>.From(result, () => null!);
        }

        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _accounts = null;
            if (group is null && await AnyAsync(cancellationToken).ConfigureAwait(false))
            {
                return Validated<FacilitatorAccountRecord>.Invalid("Alias", InputProblem.AlreadySetUp); // a second first-run form
            }

            var account = new FacilitatorAccountRecord
            {
                Id = Guid.NewGuid(),
                Alias = NameRules.Normalize(input.Alias),
                GroupId = group,
                CreatedAt = clock.GetUtcNow(),
            };
            account.PassphraseHash = Hasher.HashPassword(account, input.Passphrase!);
            var taken = (await AllAsync(cancellationToken).ConfigureAwait(false)).Any(a => NameRules.Same(a.Alias, account.Alias));
            if (taken || !await store.AddAccountAsync(account, cancellationToken).ConfigureAwait(false))
            {
                return Validated<FacilitatorAccountRecord>.Invalid("Alias", InputProblem.AliasTaken, ("Name", account.Alias));
            }

            Refresh();
            return Validated<FacilitatorAccountRecord>.Valid(account);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>The account whose alias and passphrase these are, or null.</summary>
    public async Task<FacilitatorAccountRecord?> CheckAsync(string? alias, string? passphrase, CancellationToken cancellationToken = default)
    {
        var accounts = await AllAsync(cancellationToken).ConfigureAwait(false);
        var normalized = NameRules.Normalize(alias ?? "");
        var account = accounts.FirstOrDefault(a => string.Equals(a.Alias, normalized, StringComparison.OrdinalIgnoreCase));
        if (string.IsNullOrEmpty(passphrase) || passphrase.Length > NewFacilitator.MaxPassphrase)
        {
            return null;
        }

        var result = Hasher.VerifyHashedPassword(account ?? new FacilitatorAccountRecord(), account?.PassphraseHash ?? Decoy, passphrase);
        return account is not null && result != PasswordVerificationResult.Failed ? account : null;
    }

    /// <summary>Whether the account still exists (a deleted group takes its own facilitators with it).</summary>
    public async Task<bool> ExistsAsync(Guid account, CancellationToken cancellationToken = default) =>
        (await AllAsync(cancellationToken).ConfigureAwait(false)).Any(a => a.Id == account);

    /// <summary>Forgets what was read, after a change made elsewhere (a group deleted).</summary>
    public void Refresh()
    {
        Interlocked.Increment(ref _version);
        _accounts = null;
    }

    public void Dispose() => _writing.Dispose();
}
