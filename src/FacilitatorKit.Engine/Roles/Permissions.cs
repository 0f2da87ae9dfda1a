using System.Collections.Frozen;

namespace FacilitatorKit.Engine.Roles;

/// <summary>The permission table of DOMAIN.md rule 6, as data.</summary>
public static class Permissions
{
    private static readonly FrozenDictionary<Role, FrozenSet<MeetingAction>> Table =
        new Dictionary<Role, FrozenSet<MeetingAction>>
        {
            [Role.Facilitator] = Enum.GetValues<MeetingAction>().ToFrozenSet(),
            [Role.CoFacilitator] = new[]
            {
                MeetingAction.RunAgenda, MeetingAction.RunQueue, MeetingAction.RaiseOwnHand,
                MeetingAction.SignalBreak, MeetingAction.JoinAsNewcomer, MeetingAction.Notes, MeetingAction.SeeFairness,
            }.ToFrozenSet(),
            [Role.Member] = new[] { MeetingAction.RaiseOwnHand, MeetingAction.SignalBreak, MeetingAction.JoinAsNewcomer }.ToFrozenSet(),
            [Role.Display] = FrozenSet<MeetingAction>.Empty,
        }.ToFrozenDictionary();

    public static bool Allows(Role role, MeetingAction action) => Table[role].Contains(action);

    /// <summary>Null when allowed; otherwise a refusal that names the role and the action (the screen says who may).</summary>
    public static Refusal? Check(Actor actor, MeetingAction action)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Allows(actor.Role, action) ? null : new Refusal(RefusalReason.RoleMayNot) { Role = actor.Role, Action = action };
    }

    /// <summary>The roles that may do this, in the table's order.</summary>
    public static IReadOnlyList<Role> RolesAllowedTo(MeetingAction action) => [.. Enum.GetValues<Role>().Where(r => Allows(r, action))];
}
