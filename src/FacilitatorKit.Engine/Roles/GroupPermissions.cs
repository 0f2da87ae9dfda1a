using System.Collections.Frozen;

namespace FacilitatorKit.Engine.Roles;

/// <summary>The group's side of the permission table of DOMAIN.md rule 6, as data (the meeting's side is <see cref="Permissions"/>).</summary>
public static class GroupPermissions
{
    private static readonly FrozenDictionary<Role, FrozenSet<GroupAction>> Table =
        new Dictionary<Role, FrozenSet<GroupAction>>
        {
            [Role.Facilitator] = Enum.GetValues<GroupAction>().ToFrozenSet(),

            // The co-facilitator view shows the group's name and scripts, and lets someone join late as themselves.
            [Role.CoFacilitator] = new[] { GroupAction.SeeMeetingsGroup, GroupAction.SeeMembers }.ToFrozenSet(),

            // A member's phone and the room display show the meeting and its group's name and scripts: nothing more.
            [Role.Member] = new[] { GroupAction.SeeMeetingsGroup }.ToFrozenSet(),
            [Role.Display] = new[] { GroupAction.SeeMeetingsGroup }.ToFrozenSet(),
        }.ToFrozenDictionary();

    public static bool Allows(Role role, GroupAction action) => Table[role].Contains(action);

    /// <summary>Null when allowed; otherwise a refusal that names the role and the action. Nobody (no actor) may do anything.</summary>
    public static Refusal? Check(Actor? actor, GroupAction action) => actor is null
        ? new Refusal(RefusalReason.RoleMayNot) { GroupAction = action }
        : Allows(actor.Role, action) ? null : new Refusal(RefusalReason.RoleMayNot) { Role = actor.Role, GroupAction = action };

    /// <summary>The roles that may do this, in the table's order.</summary>
    public static IReadOnlyList<Role> RolesAllowedTo(GroupAction action) => [.. Enum.GetValues<Role>().Where(r => Allows(r, action))];
}
