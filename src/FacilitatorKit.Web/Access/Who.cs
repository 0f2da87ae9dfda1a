using System.Security.Claims;
using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Web.Access;

/// <summary>
/// Who a browser is, as its sign-in cookie says: a facilitator's account (of every group, or of one), or a device
/// invited into one meeting in one role. Each has a device id, recorded with what it does; the cookie holds no name.
/// </summary>
public sealed record Who(Guid Device, Guid? Account, Guid? AccountGroup, Guid? Invite, Guid? Meeting, Role? InvitedAs)
{
    public const string Scheme = "FacilitatorKit";

    private const string DeviceClaim = "fk:device";
    private const string AccountClaim = "fk:account";
    private const string GroupClaim = "fk:group";
    private const string InviteClaim = "fk:invite";
    private const string MeetingClaim = "fk:meeting";
    private const string RoleClaim = "fk:role";

    public bool IsFacilitator => Account is not null;

    /// <summary>Whether a facilitator may run this group: an account of every group, or of this one.</summary>
    public bool Facilitates(Guid group) => IsFacilitator && (AccountGroup is null || AccountGroup == group);

    /// <summary>
    /// Whether an invited device may open <paramref name="meeting"/>'s page for <paramref name="page"/>: a co-facilitator
    /// link opens the co-facilitator view and the display; a display link only ever the display; a member link only the
    /// member's own view.
    /// </summary>
    public bool InvitedTo(Guid meeting, Role page) =>
        Meeting == meeting && InvitedAs is { } role && (role == page || (role == Role.CoFacilitator && page == Role.Display));

    public static Who? Of(ClaimsPrincipal? user)
    {
        if (user?.Identity is not { IsAuthenticated: true } || !Guid.TryParse(user.FindFirstValue(DeviceClaim), out var device))
        {
            return null;
        }

        return new Who(
            device,
            GuidOf(user, AccountClaim),
            GuidOf(user, GroupClaim),
            GuidOf(user, InviteClaim),
            GuidOf(user, MeetingClaim),
            Enum.TryParse<Role>(user.FindFirstValue(RoleClaim), out var role) ? role : null);
    }

    public ClaimsPrincipal ToPrincipal()
    {
        var claims = new List<Claim> { new(DeviceClaim, Device.ToString()) };
        Add(AccountClaim, Account);
        Add(GroupClaim, AccountGroup);
        Add(InviteClaim, Invite);
        Add(MeetingClaim, Meeting);
        if (InvitedAs is { } role)
        {
            claims.Add(new Claim(RoleClaim, role.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));

        void Add(string type, Guid? value)
        {
            if (value is { } v)
            {
                claims.Add(new Claim(type, v.ToString()));
            }
        }
    }

    private static Guid? GuidOf(ClaimsPrincipal user, string type) => Guid.TryParse(user.FindFirstValue(type), out var value) ? value : null;
}
