using System.Collections.Immutable;
using FacilitatorKit.Application.Formats;
using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Application.Ports;
using FacilitatorKit.Application.Validation;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Chair;
using FacilitatorKit.Engine.Fairness;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FluentValidation;

namespace FacilitatorKit.Application.Groups;

/// <summary>A meeting that was set up: its id and place in the series ("session 3 of 8").</summary>
public sealed record MeetingCreated(MeetingId Meeting, int Number, int? Of);

/// <summary>
/// The group use cases: groups, members and the series of meetings. Each first checks that the device acting in this
/// scope may do it (<see cref="GroupPermissions"/>: changes are the facilitator's; the other roles read only what their
/// meeting views show), then validates at the boundary, then writes. Nothing is written for a refused role or refused
/// input: a change says why (a refusal that names the role, worded like the meeting's own); a read gives nothing (no
/// group, an empty list), so a view shows nothing it should not, and never an error.
/// </summary>
public sealed class GroupService(
    IGroupRepository groups,
    MeetingSessions sessions,
    ICurrentActor acting,
    IValidator<NewGroup> newGroups,
    IValidator<GroupSettings> settings,
    TimeProvider clock)
{
    /// <summary>How many of the group's recent meetings feed the balanced order and the group's fairness figures.</summary>
    public const int RecentMeetings = 6;

    /// <summary>How old a meeting row without its set-up must be before it counts as abandoned.</summary>
    public static readonly TimeSpan OrphanAge = TimeSpan.FromMinutes(10);

    private static readonly MemberNameValidator MemberNames = new();

    public async Task<Validated<GroupRecord>> CreateGroupAsync(NewGroup input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (MayNot(GroupAction.CreateGroup) is { } refused)
        {
            return Validated<GroupRecord>.Invalid([refused]);
        }

        var result = await newGroups.ValidateAsync(input, cancellationToken).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return Validated<GroupRecord>.From(result, () => null!);
        }

        if ((await groups.GroupsAsync(cancellationToken).ConfigureAwait(false)).Count >= Limits.Groups)
        {
            return Validated<GroupRecord>.Invalid("Name", InputProblem.TooManyGroups, ("Max", Limits.Groups));
        }

        var group = new GroupRecord
        {
            Id = Guid.NewGuid(),
            Name = NameRules.Normalize(input.Name),
            Kind = input.Kind,
            PlannedSessions = input.PlannedSessions,
            CreatedAt = clock.GetUtcNow(),
        };
        await groups.AddGroupAsync(group, cancellationToken).ConfigureAwait(false);
        return Validated<GroupRecord>.Valid(group);
    }

    /// <summary>
    /// Changes a group's name, kind, planned sessions and opening scripts. A closed group cannot plan fewer sessions
    /// than it has already set up or held. Nothing is written for refused input.
    /// </summary>
    public async Task<Validated<GroupRecord>> ChangeSettingsAsync(Guid groupId, GroupSettings input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (MayNot(GroupAction.ManageGroup) is { } refused)
        {
            return Validated<GroupRecord>.Invalid([refused]);
        }

        var group = await groups.GroupAsync(groupId, cancellationToken).ConfigureAwait(false);
        if (group is null)
        {
            return Validated<GroupRecord>.Invalid("Group", InputProblem.GroupGone);
        }

        var result = await settings.ValidateAsync(input, cancellationToken).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return Validated<GroupRecord>.From(result, () => null!);
        }

        var highest = (await groups.MeetingsAsync(groupId, cancellationToken).ConfigureAwait(false)).Select(m => m.Number).DefaultIfEmpty(0).Max();
        if (input.PlannedSessions is { } planned && planned < highest)
        {
            return Validated<GroupRecord>.Invalid("PlannedSessions", InputProblem.SessionsBelowHeld, ("Number", highest));
        }

        group.Name = NameRules.Normalize(input.Name);
        group.Kind = input.Kind;
        group.PlannedSessions = input.PlannedSessions;
        group.GroundRules = input.GroundRules;
        group.Confidentiality = input.Confidentiality;
        group.Assumptions = input.Assumptions;
        await groups.UpdateGroupAsync(group, cancellationToken).ConfigureAwait(false);
        return Validated<GroupRecord>.Valid(group);
    }

    public async Task<Validated<MemberRecord>> AddMemberAsync(Guid groupId, string? name, bool volunteersForChair = false, CancellationToken cancellationToken = default)
    {
        if (MayNot(GroupAction.ManageMembers) is { } refused)
        {
            return Validated<MemberRecord>.Invalid([refused]);
        }

        var group = await groups.GroupAsync(groupId, cancellationToken).ConfigureAwait(false);
        if (group is null)
        {
            return Validated<MemberRecord>.Invalid("Group", InputProblem.GroupGone);
        }

        if (await CheckNameAsync(groupId, null, name, cancellationToken).ConfigureAwait(false) is { } problem)
        {
            return Validated<MemberRecord>.Invalid([problem]);
        }

        if (await RosterIsFullAsync(groupId, cancellationToken).ConfigureAwait(false))
        {
            return Validated<MemberRecord>.Invalid("Name", InputProblem.TooManyMembers, ("Max", Limits.MembersPerGroup));
        }

        var member = new MemberRecord
        {
            Id = Guid.NewGuid(),
            GroupId = groupId,
            Name = NameRules.Normalize(name),
            VolunteersForChair = volunteersForChair,
            Enrolled = group.Kind == GroupKind.Closed,
            JoinedAt = clock.GetUtcNow(),
        };
        await groups.AddMemberAsync(member, cancellationToken).ConfigureAwait(false);
        return Validated<MemberRecord>.Valid(member);
    }

    public Task<Validated<MemberRecord>> RenameMemberAsync(Guid memberId, string? name, CancellationToken cancellationToken = default) =>
        ChangeMemberAsync(memberId, async m =>
            await CheckNameAsync(m.GroupId, m.Id, name, cancellationToken).ConfigureAwait(false) is { } problem
                ? problem
                : Set(() => m.Name = NameRules.Normalize(name)), cancellationToken);

    public Task<Validated<MemberRecord>> SetVolunteerAsync(Guid memberId, bool volunteers, CancellationToken cancellationToken = default) =>
        ChangeMemberAsync(memberId, m => Task.FromResult(Set(() => m.VolunteersForChair = volunteers)), cancellationToken);

    /// <summary>Marks a member as having left the group: they keep their history but no longer count for the chair rota.</summary>
    public Task<Validated<MemberRecord>> MarkMemberLeftAsync(Guid memberId, bool hasLeft = true, CancellationToken cancellationToken = default) =>
        ChangeMemberAsync(memberId, async m =>
            !hasLeft && m.HasLeft && await RosterIsFullAsync(m.GroupId, cancellationToken).ConfigureAwait(false)
                ? new FieldError("Name", InputProblem.TooManyMembers, ("Max", Limits.MembersPerGroup)) // coming back counts as joining
                : Set(() => m.HasLeft = hasLeft), cancellationToken);

    /// <summary>Whether the group already has <see cref="Limits.MembersPerGroup"/> members who have not left.</summary>
    private async Task<bool> RosterIsFullAsync(Guid groupId, CancellationToken cancellationToken) =>
        (await groups.MembersAsync(groupId, cancellationToken).ConfigureAwait(false)).Count(m => !m.HasLeft) >= Limits.MembersPerGroup;

    public Task<IReadOnlyList<GroupRecord>> GroupsAsync(CancellationToken cancellationToken = default) =>
        Read(GroupAction.SeeGroups, () => groups.GroupsAsync(cancellationToken), []);

    public Task<GroupRecord?> GroupAsync(Guid groupId, CancellationToken cancellationToken = default) =>
        Read(GroupAction.SeeGroupRecords, () => groups.GroupAsync(groupId, cancellationToken), null);

    /// <summary>The group a meeting belongs to.</summary>
    public Task<GroupRecord?> GroupOfMeetingAsync(MeetingId meeting, CancellationToken cancellationToken = default) =>
        Read(GroupAction.SeeMeetingsGroup, () => groups.GroupOfMeetingAsync(meeting, cancellationToken), null);

    /// <summary>A group's meetings, newest first.</summary>
    public Task<IReadOnlyList<MeetingRecord>> MeetingsAsync(Guid groupId, CancellationToken cancellationToken = default) =>
        Read(GroupAction.SeeGroupRecords, () => groups.MeetingsAsync(groupId, cancellationToken), []);

    /// <summary>The most recent meetings across all groups, newest first, with their group's name.</summary>
    public Task<IReadOnlyList<(MeetingRecord Meeting, string Group)>> RecentMeetingsAsync(int count = 10, CancellationToken cancellationToken = default) =>
        Read(GroupAction.SeeGroups, () => groups.RecentMeetingsAsync(count, cancellationToken), []);

    public Task<IReadOnlyList<string>> FormatNamesAsync(CancellationToken cancellationToken = default) =>
        Read(GroupAction.SeeGroups, () => groups.FormatNamesAsync(cancellationToken), []);

    /// <summary>The soft chime at time's up: off unless a group turns it on.</summary>
    public async Task<Validated<GroupRecord>> SetSoftChimeAsync(Guid groupId, bool on, CancellationToken cancellationToken = default)
    {
        if (MayNot(GroupAction.ManageGroup) is { } refused)
        {
            return Validated<GroupRecord>.Invalid([refused]);
        }

        if (await groups.GroupAsync(groupId, cancellationToken).ConfigureAwait(false) is null)
        {
            return Validated<GroupRecord>.Invalid("Group", InputProblem.GroupGone);
        }

        await groups.SetSoftChimeAsync(groupId, on, cancellationToken).ConfigureAwait(false);
        return Validated<GroupRecord>.Valid((await groups.GroupAsync(groupId, cancellationToken).ConfigureAwait(false))!);
    }

    public Task<IReadOnlyList<MemberRecord>> MembersAsync(Guid groupId, CancellationToken cancellationToken = default) =>
        Read(GroupAction.SeeMembers, () => groups.MembersAsync(groupId, cancellationToken), []);

    /// <summary>The register of the sessions held (started, not cancelled), in order, with every member of the group.</summary>
    public async Task<AttendanceRegister> AttendanceRegisterAsync(Guid groupId, CancellationToken cancellationToken = default)
    {
        if (MayNot(GroupAction.SeeGroupRecords) is not null)
        {
            return new AttendanceRegister([], [], new HashSet<(Guid, Guid)>());
        }

        var sessions = (await groups.MeetingsAsync(groupId, cancellationToken).ConfigureAwait(false))
            .Where(m => m.StartedAt is not null).OrderBy(m => m.Number).ToList();
        var members = await groups.MembersAsync(groupId, cancellationToken).ConfigureAwait(false);
        var present = (await groups.AttendanceAsync(groupId, cancellationToken).ConfigureAwait(false)).ToHashSet();
        return new AttendanceRegister(sessions, members, present);
    }

    /// <summary>Who chaired the group's meetings that were held, and every handover, oldest first.</summary>
    public Task<IReadOnlyList<ChairTurn>> ChairHistoryAsync(Guid groupId, CancellationToken cancellationToken = default) =>
        Read(GroupAction.SeeGroupRecords, () => groups.ChairTurnsAsync(groupId, cancellationToken), []);

    /// <summary>The proposed next chair by the engine's rota rule, from the group's chair history; null when nobody volunteers.</summary>
    public async Task<MemberRecord?> ProposeNextChairAsync(Guid groupId, IEnumerable<Guid>? skipped = null, CancellationToken cancellationToken = default)
    {
        if (MayNot(GroupAction.SeeGroupRecords) is not null)
        {
            return null;
        }

        var members = await groups.MembersAsync(groupId, cancellationToken).ConfigureAwait(false);
        var history = await groups.ChairHistoryAsync(groupId, cancellationToken).ConfigureAwait(false);
        var next = ChairRota.ProposeNext(
            members.Select(m => new RotaMember(new ParticipantId(m.Id), m.Name, m.VolunteersForChair, !m.HasLeft, m.JoinedAt)),
            history,
            skipped?.Select(id => new ParticipantId(id)));
        return next is null ? null : members.First(m => m.Id == next.Member.Value);
    }

    /// <summary>
    /// Sets up the group's next meeting from a format, with the members present and the chair of the day.
    /// Closed groups are numbered "session N of M" and refuse a meeting past their planned sessions.
    /// </summary>
    public async Task<Validated<MeetingCreated>> StartNewMeetingAsync(Guid groupId, string formatName, IReadOnlyCollection<Guid> present, Guid? chair, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(present);
        if (MayNot(GroupAction.SetUpMeeting) is { } refused)
        {
            return Validated<MeetingCreated>.Invalid([refused]);
        }

        var group = await groups.GroupAsync(groupId, cancellationToken).ConfigureAwait(false);
        if (group is null)
        {
            return Validated<MeetingCreated>.Invalid("Group", InputProblem.GroupGone);
        }

        var formatRecord = await groups.FormatAsync(formatName, cancellationToken).ConfigureAwait(false);
        if (formatRecord is null)
        {
            return Validated<MeetingCreated>.Invalid("Format", InputProblem.FormatUnknown);
        }

        // One meeting waits to start at a time: it holds the next session, so a second would take the one after.
        if ((await groups.MeetingsAsync(groupId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(m => m.Phase == MeetingPhase.Gathering) is { } waiting)
        {
            return Validated<MeetingCreated>.Invalid("Group", InputProblem.MeetingWaitingToStart, ("Number", waiting.Number));
        }

        var number = await groups.NextMeetingNumberAsync(groupId, clock.GetUtcNow() - OrphanAge, cancellationToken).ConfigureAwait(false);
        if (group is { Kind: GroupKind.Closed, PlannedSessions: { } planned } && number > planned)
        {
            return Validated<MeetingCreated>.Invalid("Group", InputProblem.AllSessionsSetUp, ("Group", group.Name), ("Max", planned));
        }

        var byId = (await groups.MembersAsync(groupId, cancellationToken).ConfigureAwait(false)).ToDictionary(m => m.Id);
        if (present.Any(id => !byId.ContainsKey(id)))
        {
            return Validated<MeetingCreated>.Invalid("Participants", InputProblem.NotAMember);
        }

        if (chair is { } c && !present.Contains(c))
        {
            return Validated<MeetingCreated>.Invalid("Chair", InputProblem.ChairNotAtMeeting);
        }

        var format = FormatFile.Parse(formatRecord.Json, formatRecord.Name);
        if (group.PlannedSessions is { } sessionsPlanned)
        {
            format = format.ForSession(number, sessionsPlanned);
        }

        // Seating order follows the order the facilitator listed people in.
        ImmutableArray<Participant> participants = [.. present.Distinct().Select(id => new Participant(new ParticipantId(id), byId[id].Name))];
        var meetingId = MeetingId.New();
        var row = new MeetingRecord { Id = meetingId.Value, GroupId = groupId, Number = number, FormatName = format.Name, Phase = MeetingPhase.New, CreatedAt = clock.GetUtcNow() };
        if (!await groups.TryAddMeetingAsync(row, cancellationToken).ConfigureAwait(false))
        {
            return Validated<MeetingCreated>.Invalid("Group", InputProblem.MeetingStartedElsewhere);
        }

        var recent = await LedgersAsync(groupId, meetingId, cancellationToken).ConfigureAwait(false);
        var session = await sessions.GetAsync(meetingId, cancellationToken).ConfigureAwait(false);
        var outcome = await session!.SubmitAsync(
            new SetUpMeeting(CommandId.New(), meetingId, format, participants, chair is { } chairId ? new ParticipantId(chairId) : null, MeetingLedger.AirtimeOver(recent)),
            acting.Actor,
            acting.Device,
            cancellationToken).ConfigureAwait(false);

        return outcome.IsAccepted
            ? Validated<MeetingCreated>.Valid(new MeetingCreated(meetingId, number, group.PlannedSessions))
            : Validated<MeetingCreated>.Invalid(outcome.Errors ?? [outcome.Problem!]);
    }

    /// <summary>
    /// Calls off a meeting of the group that has not started (B8): it gives its session number back, leaves the
    /// group's list of meetings, and counts as nobody's chairing or attendance. Facilitator only (here, and the engine checks).
    /// </summary>
    public async Task<CommandOutcome?> CancelMeetingAsync(MeetingId meeting, CancellationToken cancellationToken = default)
    {
        var session = await sessions.GetAsync(meeting, cancellationToken).ConfigureAwait(false);
        return session is null
            ? null
            : MayNot(GroupAction.SetUpMeeting) is { Refusal: { } refused }
            ? new CommandOutcome(CommandStatus.Refused, session.State, [], refused)
            : await session.SubmitAsync(new CancelMeeting(CommandId.New()), acting.Actor, acting.Device, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The longest retention period a group may choose, in months (ten years).</summary>
    public const int MaxRetentionMonths = 120;

    /// <summary>
    /// Deletes a member for good (DOMAIN.md rule 9): their row, attendance, chair history and their names at past
    /// meetings, then the file is scrubbed. Past meetings keep their turns by id and read them as "Removed member".
    /// Facilitator only. Refused while they are in a meeting that is set up or running: delete them after it ends.
    /// Null when done.
    /// </summary>
    public async Task<FieldError?> DeleteMemberAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        if (MayNot(GroupAction.DeleteMember) is { } refused)
        {
            return refused;
        }

        var member = await groups.MemberAsync(memberId, cancellationToken).ConfigureAwait(false);
        if (member is null)
        {
            return new FieldError("Member", InputProblem.MemberGone);
        }

        if (await groups.InMeetingInProgressAsync(memberId, cancellationToken).ConfigureAwait(false))
        {
            return new FieldError("Member", InputProblem.MemberInMeetingInProgress, ("Name", member.Name));
        }

        await groups.DeleteMemberAsync(memberId, cancellationToken).ConfigureAwait(false);
        // Ended meetings kept in memory still hold the name: they are read again from the store when next asked for.
        foreach (var meeting in await groups.MeetingsAsync(member.GroupId, cancellationToken).ConfigureAwait(false))
        {
            if (meeting.Phase is not (MeetingPhase.Gathering or MeetingPhase.Running))
            {
                sessions.Release(new MeetingId(meeting.Id));
            }
        }

        return null;
    }

    /// <summary>
    /// Deletes a meeting for good, in any phase: its log, notes, attendance, chair history and names, then the file is
    /// scrubbed. A meeting in progress is dropped from memory. Facilitator only. Null when done.
    /// </summary>
    public async Task<FieldError?> DeleteMeetingAsync(MeetingId meeting, CancellationToken cancellationToken = default)
    {
        if (MayNotDelete("Meeting") is { } refused)
        {
            return refused;
        }

        var deleted = await groups.DeleteMeetingAsync(meeting.Value, cancellationToken).ConfigureAwait(false);
        sessions.Deleted(meeting);
        return deleted ? null : new FieldError("Meeting", InputProblem.MeetingGone);
    }

    /// <summary>
    /// Deletes a group for good: its settings, members, meetings and everything theirs, then the file is scrubbed.
    /// Facilitator only. Null when done.
    /// </summary>
    public async Task<FieldError?> DeleteGroupAsync(Guid groupId, CancellationToken cancellationToken = default)
    {
        if (MayNot(GroupAction.DeleteGroup) is { } refused)
        {
            return refused;
        }

        var meetings = await groups.DeleteGroupAsync(groupId, cancellationToken).ConfigureAwait(false);
        if (meetings is null)
        {
            return new FieldError("Group", InputProblem.GroupGone);
        }

        foreach (var meeting in meetings)
        {
            sessions.Deleted(meeting);
        }

        return null;
    }

    /// <summary>
    /// Retention: the notes of the group's meetings held more than <paramref name="months"/> months ago are deleted
    /// daily (and now). Null turns it off: the default. Facilitator only.
    /// </summary>
    public async Task<Validated<GroupRecord>> SetNotesRetentionAsync(Guid groupId, int? months, CancellationToken cancellationToken = default)
    {
        if (MayNot(GroupAction.ManageGroup) is { } refused)
        {
            return Validated<GroupRecord>.Invalid([refused]);
        }

        if (months is < 1 or > MaxRetentionMonths)
        {
            return Validated<GroupRecord>.Invalid("Retention", InputProblem.RetentionOutOfRange, ("Max", MaxRetentionMonths));
        }

        var group = await groups.GroupAsync(groupId, cancellationToken).ConfigureAwait(false);
        if (group is null)
        {
            return Validated<GroupRecord>.Invalid("Group", InputProblem.GroupGone);
        }

        await groups.SetNotesRetentionAsync(groupId, months, cancellationToken).ConfigureAwait(false);
        if (months is not null)
        {
            await groups.DeleteExpiredNotesAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        group.NotesRetentionMonths = months;
        return Validated<GroupRecord>.Valid(group);
    }

    // Deleting is the facilitator's (DOMAIN.md rule 6: "start or end the meeting, change the format, delete").
    private FieldError? MayNotDelete(string field) =>
        acting.Actor is { } actor
            ? Permissions.Check(actor, MeetingAction.DeleteMeeting) is { } refusal ? FieldError.From(field, refusal) : null
            : FieldError.From(field, new Refusal(RefusalReason.RoleMayNot) { Action = MeetingAction.DeleteMeeting });

    /// <summary>Fairness over the group's last <see cref="RecentMeetings"/> ended meetings, for the members who came to them.</summary>
    public async Task<GroupBalance> GroupBalanceAsync(Guid groupId, CancellationToken cancellationToken = default)
    {
        if (MayNot(GroupAction.SeeGroupRecords) is not null)
        {
            return new GroupBalance(0, Balance.ForGroup([], []));
        }

        var ledgers = await LedgersAsync(groupId, null, cancellationToken).ConfigureAwait(false);
        var members = await groups.MembersAsync(groupId, cancellationToken).ConfigureAwait(false);
        var came = ledgers.SelectMany(l => l.Attended).ToHashSet();
        var people = members.Where(m => came.Contains(new ParticipantId(m.Id))).Select(m => (new ParticipantId(m.Id), m.Name));
        return new GroupBalance(ledgers.Count, Balance.ForGroup(people, ledgers));
    }

    /// <summary>The airtime ledgers of the group's most recent meetings (the one given excluded), replayed from their logs.</summary>
    public Task<IReadOnlyList<MeetingLedger>> RecentLedgersAsync(Guid groupId, MeetingId? except = null, CancellationToken cancellationToken = default) =>
        Read(GroupAction.SeeGroupRecords, () => LedgersAsync(groupId, except, cancellationToken), []);

    private async Task<IReadOnlyList<MeetingLedger>> LedgersAsync(Guid groupId, MeetingId? except, CancellationToken cancellationToken)
    {
        var ids = await groups.EndedMeetingsAsync(groupId, except, RecentMeetings, cancellationToken).ConfigureAwait(false);
        var ledgers = new List<MeetingLedger>(ids.Count);
        foreach (var id in ids)
        {
            MeetingState state;
            try
            {
                state = await sessions.ReadAsync(id, cancellationToken).ConfigureAwait(false);
            }
            catch (MeetingLogUnreadableException)
            {
                continue; // a meeting whose log cannot be read counts for nobody; the others still do
            }

            ledgers.Add(MeetingLedger.Of(state, state.EndedAt ?? clock.GetUtcNow()));
        }

        return ledgers;
    }

    private async Task<FieldError?> CheckNameAsync(Guid groupId, Guid? self, string? name, CancellationToken cancellationToken)
    {
        var result = await MemberNames.ValidateAsync(name, cancellationToken).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return FieldError.From(result.Errors[0]);
        }

        // By what the names look like, not their bytes: "Ana", "Ana" with a hidden joiner and a Cyrillic "Аnа" are one
        // name to the people in the room. A group has tens of members, so they are compared here, not in SQL.
        var members = await groups.MembersAsync(groupId, cancellationToken).ConfigureAwait(false);
        return members.FirstOrDefault(m => m.Id != self && NameRules.Same(m.Name, name ?? "")) is { } namesake
            ? new FieldError("Name", InputProblem.NameTakenInGroup, ("Name", namesake.Name))
            : null;
    }

    private async Task<Validated<MemberRecord>> ChangeMemberAsync(Guid memberId, Func<MemberRecord, Task<FieldError?>> change, CancellationToken cancellationToken)
    {
        if (MayNot(GroupAction.ManageMembers) is { } refused)
        {
            return Validated<MemberRecord>.Invalid([refused]);
        }

        var member = await groups.MemberAsync(memberId, cancellationToken).ConfigureAwait(false);
        if (member is null)
        {
            return Validated<MemberRecord>.Invalid("Member", InputProblem.MemberGone);
        }

        if (await change(member).ConfigureAwait(false) is { } problem)
        {
            return Validated<MemberRecord>.Invalid([problem]);
        }

        await groups.UpdateMemberAsync(member, cancellationToken).ConfigureAwait(false);
        return Validated<MemberRecord>.Valid(member);
    }

    /// <summary>Null when the device acting in this scope may do this; otherwise the refusal, as a problem with the group.</summary>
    private FieldError? MayNot(GroupAction action) =>
        GroupPermissions.Check(acting.Actor, action) is { } refusal ? FieldError.From("Group", refusal) : null;

    /// <summary>A read: what the store holds when the role may see it, otherwise <paramref name="nothing"/>.</summary>
    private Task<T> Read<T>(GroupAction action, Func<Task<T>> read, T nothing) =>
        MayNot(action) is null ? read() : Task.FromResult(nothing);

    private static FieldError? Set(Action change)
    {
        change();
        return null;
    }
}
