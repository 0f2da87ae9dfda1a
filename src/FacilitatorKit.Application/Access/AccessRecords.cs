using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Application.Access;

/// <summary>
/// A facilitator's sign-in: an alias and a hashed passphrase, nothing else (no email, no phone). With a
/// <see cref="GroupId"/> the account facilitates that one group; without one it facilitates every group and may
/// start new ones (the first account, made when the app first starts).
/// </summary>
public sealed class FacilitatorAccountRecord
{
    public Guid Id { get; set; }
    public string Alias { get; set; } = "";
    public string PassphraseHash { get; set; } = "";
    public Guid? GroupId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A link that lets devices into one meeting in one role. Only a hash of its token is kept: the token itself is shown
/// once, as a link and a QR code, and cannot be read back from the store. It ends with the meeting, at
/// <see cref="EndsAt"/> if the facilitator chose a time, or when withdrawn.
/// </summary>
public sealed class InviteRecord
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public Role Role { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EndsAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
}

/// <summary>A device that came in by an invite: what kind of device it said it was, and when. Revoking it shuts it out.</summary>
public sealed class InvitedDeviceRecord
{
    public Guid Id { get; set; }
    public Guid InviteId { get; set; }

    /// <summary>"Tablet", "Phone" or "Computer", from the browser's own description; never more.</summary>
    public string Kind { get; set; } = "";

    public DateTimeOffset JoinedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
