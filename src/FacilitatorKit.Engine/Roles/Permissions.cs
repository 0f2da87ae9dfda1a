using System.Collections.Frozen;

namespace FacilitatorKit.Engine.Roles;

/// <summary>The permission table of DOMAIN.md rule 6, as data, with reasons a person can read.</summary>
public static class Permissions
{
    private static readonly FrozenDictionary<Role, FrozenSet<MeetingAction>> Table =
        new Dictionary<Role, FrozenSet<MeetingAction>>
        {
            [Role.Facilitator] = Enum.GetValues<MeetingAction>().ToFrozenSet(),
            [Role.CoFacilitator] = new[]
            {
                MeetingAction.RunAgenda, MeetingAction.RunQueue, MeetingAction.RaiseOwnHand,
                MeetingAction.SignalBreak, MeetingAction.Notes, MeetingAction.SeeFairness,
            }.ToFrozenSet(),
            [Role.Member] = new[] { MeetingAction.RaiseOwnHand, MeetingAction.SignalBreak }.ToFrozenSet(),
            [Role.Display] = FrozenSet<MeetingAction>.Empty,
        }.ToFrozenDictionary();

    public static bool Allows(Role role, MeetingAction action) => Table[role].Contains(action);

    /// <summary>Null when allowed; otherwise a refusal that says who may do it.</summary>
    public static Refusal? Check(Actor actor, MeetingAction action)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Allows(actor.Role, action))
        {
            return null;
        }

        var who = string.Join(" or ", Enum.GetValues<Role>().Where(r => Allows(r, action)).Select(Describe));
        return Refusal.NotPermitted($"{Capitalise(Describe(actor.Role))} can't {Verb(action)}. Only {who} can.");
    }

    public static string Describe(Role role) => role switch
    {
        Role.Facilitator => "the facilitator",
        Role.CoFacilitator => "a co-facilitator",
        Role.Member => "a member",
        Role.Display => "the room display",
        _ => role.ToString(),
    };

    private static string Verb(MeetingAction action) => action switch
    {
        MeetingAction.StartOrEndMeeting => "start or end the meeting",
        MeetingAction.ChangeFormat => "change the format",
        MeetingAction.DeleteMeeting => "delete the meeting",
        MeetingAction.RunAgenda => "run the agenda",
        MeetingAction.RunQueue => "run the speaker queue or the turns",
        MeetingAction.RaiseOwnHand => "raise or lower a hand",
        MeetingAction.SignalBreak => "ask for a break",
        MeetingAction.Notes => "write notes",
        MeetingAction.SeeFairness => "see the airtime figures",
        MeetingAction.HandOverChair => "hand over the chair",
        MeetingAction.ManageRoles => "manage roles",
        _ => action.ToString(),
    };

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
