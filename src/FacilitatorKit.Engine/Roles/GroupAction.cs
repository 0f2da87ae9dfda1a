namespace FacilitatorKit.Engine.Roles;

/// <summary>
/// What may be done with groups and members outside a meeting's own commands: the group's side of the permission table
/// in DOMAIN.md, rule 6. Changing a group is the facilitator's ("start or end the meeting, change the format, delete";
/// "manage roles"); the other roles may read only what their meeting views show.
/// </summary>
public enum GroupAction
{
    /// <summary>Every group, the recent meetings and the formats: the start page.</summary>
    SeeGroups,

    /// <summary>A group's records: its meetings, the chair history and the proposed next chair, the attendance register, the balance over recent meetings.</summary>
    SeeGroupRecords,

    /// <summary>The group a meeting belongs to: its name, opening scripts and soft chime, which every view of the meeting shows.</summary>
    SeeMeetingsGroup,

    /// <summary>The group's members: who may join tonight's meeting late (the views that run the queue).</summary>
    SeeMembers,

    CreateGroup,

    /// <summary>The group's settings: name, kind, planned sessions, opening scripts, soft chime.</summary>
    ManageGroup,

    /// <summary>Add and rename members, the chair rota, a member leaving or coming back.</summary>
    ManageMembers,

    /// <summary>Set up the group's next meeting, or call off one that has not started.</summary>
    SetUpMeeting,

    /// <summary>Delete a member, and all of their data (issue 13 §4).</summary>
    DeleteMember,

    /// <summary>Delete a whole group, and all of its data (issue 13 §4).</summary>
    DeleteGroup,
}
