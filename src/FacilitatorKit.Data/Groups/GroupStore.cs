using System.Collections.Immutable;
using FacilitatorKit.Application.Formats;
using FacilitatorKit.Application.Validation;
using FacilitatorKit.Data.Model;
using FacilitatorKit.Data.Sessions;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Chair;
using FacilitatorKit.Engine.Fairness;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace FacilitatorKit.Data.Groups;

/// <summary>A meeting that was set up: its id and place in the series ("session 3 of 8").</summary>
public sealed record MeetingCreated(MeetingId Meeting, int Number, int? Of);

/// <summary>
/// Groups, members and the series of meetings. Each method validates at the boundary, then writes in one context
/// and one transaction. Nothing is written for refused input.
/// </summary>
public sealed class GroupStore(IDbContextFactory<FacilitatorKitDb> contexts, MeetingSessions sessions, TimeProvider clock)
{
    /// <summary>How many of the group's recent meetings feed the balanced order and the group's fairness figures.</summary>
    public const int RecentMeetings = 6;

    /// <summary>How old a meeting row without its set-up must be before it counts as abandoned.</summary>
    public static readonly TimeSpan OrphanAge = TimeSpan.FromMinutes(10);

    public async Task<Validated<GroupRecord>> CreateGroupAsync(NewGroup input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = await new NewGroupValidator().ValidateAsync(input, cancellationToken).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return Validated<GroupRecord>.From(result, () => null!);
        }

        var group = new GroupRecord
        {
            Id = Guid.NewGuid(),
            Name = NameRules.Normalize(input.Name),
            Kind = input.Kind,
            PlannedSessions = input.PlannedSessions,
            CreatedAt = clock.GetUtcNow(),
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.Groups.Add(group);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Validated<GroupRecord>.Valid(group);
    }

    public async Task<Validated<MemberRecord>> AddMemberAsync(Guid groupId, string? name, bool volunteersForChair = false, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var group = await db.Groups.FindAsync([groupId], cancellationToken).ConfigureAwait(false);
        if (group is null)
        {
            return Validated<MemberRecord>.Invalid("Group", "That group no longer exists.");
        }

        if (await CheckNameAsync(db, groupId, null, name, cancellationToken).ConfigureAwait(false) is { } error)
        {
            return Validated<MemberRecord>.Invalid("Name", error);
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
        db.Members.Add(member);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Validated<MemberRecord>.Valid(member);
    }

    public Task<Validated<MemberRecord>> RenameMemberAsync(Guid memberId, string? name, CancellationToken cancellationToken = default) =>
        ChangeMemberAsync(memberId, async (db, m) =>
            await CheckNameAsync(db, m.GroupId, m.Id, name, cancellationToken).ConfigureAwait(false) is { } error
                ? new FieldError("Name", error)
                : Set(() => m.Name = NameRules.Normalize(name)), cancellationToken);

    public Task<Validated<MemberRecord>> SetVolunteerAsync(Guid memberId, bool volunteers, CancellationToken cancellationToken = default) =>
        ChangeMemberAsync(memberId, (_, m) => Task.FromResult(Set(() => m.VolunteersForChair = volunteers)), cancellationToken);

    /// <summary>Marks a member as having left the group: they keep their history but no longer count for the chair rota.</summary>
    public Task<Validated<MemberRecord>> MarkMemberLeftAsync(Guid memberId, bool hasLeft = true, CancellationToken cancellationToken = default) =>
        ChangeMemberAsync(memberId, (_, m) => Task.FromResult(Set(() => m.HasLeft = hasLeft)), cancellationToken);

    public async Task<IReadOnlyList<GroupRecord>> GroupsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Groups.AsNoTracking().OrderBy(g => g.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<GroupRecord?> GroupAsync(Guid groupId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The group a meeting belongs to.</summary>
    public async Task<GroupRecord?> GroupOfMeetingAsync(MeetingId meeting, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Meetings.AsNoTracking().Where(m => m.Id == meeting.Value)
            .Join(db.Groups.AsNoTracking(), m => m.GroupId, g => g.Id, (m, g) => g)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A group's meetings, newest first.</summary>
    public async Task<IReadOnlyList<MeetingRecord>> MeetingsAsync(Guid groupId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Meetings.AsNoTracking().Where(m => m.GroupId == groupId && m.LastSequence > 0)
            .OrderByDescending(m => m.Number).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The most recent meetings across all groups, newest first, with their group's name.</summary>
    public async Task<IReadOnlyList<(MeetingRecord Meeting, string Group)>> RecentMeetingsAsync(int count = 10, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Meetings.AsNoTracking().Where(m => m.LastSequence > 0)
            .Join(db.Groups.AsNoTracking(), m => m.GroupId, g => g.Id, (m, g) => new { Meeting = m, Group = g.Name })
            .OrderByDescending(x => x.Meeting.CreatedAt).Take(count).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => (r.Meeting, r.Group))];
    }

    public async Task<IReadOnlyList<string>> FormatNamesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Formats.AsNoTracking().OrderBy(f => f.Id).Select(f => f.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The soft chime at time's up: off unless a group turns it on.</summary>
    public async Task SetSoftChimeAsync(Guid groupId, bool on, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Groups.Where(g => g.Id == groupId).ExecuteUpdateAsync(s => s.SetProperty(g => g.SoftChime, on), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<MemberRecord>> MembersAsync(Guid groupId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Members.AsNoTracking().Where(m => m.GroupId == groupId).OrderBy(m => m.JoinedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The proposed next chair by the engine's rota rule, from the group's chair history; null when nobody volunteers.</summary>
    public async Task<MemberRecord?> ProposeNextChairAsync(Guid groupId, IEnumerable<Guid>? skipped = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var members = await db.Members.AsNoTracking().Where(m => m.GroupId == groupId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var history = await db.ChairHistory.AsNoTracking().Where(c => c.GroupId == groupId)
            .Select(c => new { c.MemberId, c.At }).ToListAsync(cancellationToken).ConfigureAwait(false);

        var next = ChairRota.ProposeNext(
            members.Select(m => new RotaMember(new ParticipantId(m.Id), m.Name, m.VolunteersForChair, !m.HasLeft, m.JoinedAt)),
            history.Select(h => new ChairRecord(new ParticipantId(h.MemberId), h.At)),
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
        MeetingId meetingId;
        int number;
        GroupRecord group;
        MeetingFormat format;
        ImmutableArray<Participant> participants;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var found = await db.Groups.FindAsync([groupId], cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return Validated<MeetingCreated>.Invalid("Group", "That group no longer exists.");
            }

            group = found;
            var formatRecord = await db.Formats.AsNoTracking().FirstOrDefaultAsync(f => f.Name == formatName, cancellationToken).ConfigureAwait(false);
            if (formatRecord is null)
            {
                return Validated<MeetingCreated>.Invalid("Format", "Please choose one of the formats.");
            }

            // A meeting row whose set-up never landed (the app stopped between the two steps below) holds no
            // session of the series: clear it, so it does not use up a closed group's planned sessions.
            var stale = clock.GetUtcNow() - OrphanAge;
            await db.Meetings.Where(m => m.GroupId == groupId && m.LastSequence == 0 && m.CreatedAt < stale)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);

            number = (await db.Meetings.Where(m => m.GroupId == groupId).MaxAsync(m => (int?)m.Number, cancellationToken).ConfigureAwait(false) ?? 0) + 1;
            if (group is { Kind: GroupKind.Closed, PlannedSessions: { } planned } && number > planned)
            {
                return Validated<MeetingCreated>.Invalid("Group", $"{group.Name} planned {planned} sessions, and all {planned} are already set up or held.");
            }

            var members = await db.Members.AsNoTracking().Where(m => m.GroupId == groupId && present.Contains(m.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (members.Count != present.Distinct().Count())
            {
                return Validated<MeetingCreated>.Invalid("Participants", "Someone on the list is not a member of this group.");
            }

            if (chair is { } c && !present.Contains(c))
            {
                return Validated<MeetingCreated>.Invalid("Chair", "The chair must be one of the people at the meeting.");
            }

            format = FormatFile.Parse(formatRecord.Json, formatRecord.Name);
            if (group.PlannedSessions is { } sessionsPlanned)
            {
                format = format.ForSession(number, sessionsPlanned);
            }

            // Seating order follows the order the facilitator listed people in.
            var byId = members.ToDictionary(m => m.Id);
            participants = [.. present.Distinct().Select(id => new Participant(new ParticipantId(id), byId[id].Name))];
            meetingId = MeetingId.New();
            db.Meetings.Add(new MeetingRecord { Id = meetingId.Value, GroupId = groupId, Number = number, FormatName = format.Name, Phase = MeetingPhase.New, CreatedAt = clock.GetUtcNow() });
            group.LastFormatName = format.Name;
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                return Validated<MeetingCreated>.Invalid("Group", "Another meeting was just started for this group on another device. Please look again, then try.");
            }
        }

        var recent = await RecentLedgersAsync(groupId, meetingId, cancellationToken).ConfigureAwait(false);
        var session = await sessions.GetAsync(meetingId, cancellationToken).ConfigureAwait(false);
        var outcome = await session!.SubmitAsync(new SetUpMeeting(
            CommandId.New(), Actor.Facilitator, meetingId, format, participants,
            chair is { } chairId ? new ParticipantId(chairId) : null,
            MeetingLedger.AirtimeOver(recent)), cancellationToken).ConfigureAwait(false);

        return outcome.IsAccepted
            ? Validated<MeetingCreated>.Valid(new MeetingCreated(meetingId, number, group.PlannedSessions))
            : Validated<MeetingCreated>.Invalid(outcome.Errors ?? [new FieldError("Meeting", outcome.Message ?? "The meeting could not be set up.")]);
    }

    /// <summary>The airtime ledgers of the group's most recent meetings (the one given excluded), replayed from their logs.</summary>
    public async Task<IReadOnlyList<MeetingLedger>> RecentLedgersAsync(Guid groupId, MeetingId? except = null, CancellationToken cancellationToken = default)
    {
        List<Guid> ids;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var exclude = except?.Value ?? Guid.Empty;
            ids = await db.Meetings.AsNoTracking()
                .Where(m => m.GroupId == groupId && m.Id != exclude && m.Phase == MeetingPhase.Ended)
                .OrderByDescending(m => m.Number).Take(RecentMeetings).Select(m => m.Id)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        var ledgers = new List<MeetingLedger>(ids.Count);
        foreach (var id in ids)
        {
            var state = await sessions.ReadAsync(new MeetingId(id), cancellationToken).ConfigureAwait(false);
            ledgers.Add(MeetingLedger.Of(state, state.EndedAt ?? clock.GetUtcNow()));
        }

        return ledgers;
    }

    private static async Task<string?> CheckNameAsync(FacilitatorKitDb db, Guid groupId, Guid? self, string? name, CancellationToken cancellationToken)
    {
        var result = new MemberNameValidator().Validate(name);
        if (!result.IsValid)
        {
            return result.Errors[0].ErrorMessage;
        }

        var normalized = NameRules.Normalize(name);
        var taken = await db.Members.AnyAsync(m => m.GroupId == groupId && m.Id != self && m.Name == normalized, cancellationToken).ConfigureAwait(false);
        return taken
            ? $"Someone in this group is already called {normalized}. Add an initial or use an alias, so people can tell you apart."
            : null;
    }

    private async Task<Validated<MemberRecord>> ChangeMemberAsync(Guid memberId, Func<FacilitatorKitDb, MemberRecord, Task<FieldError?>> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var member = await db.Members.FindAsync([memberId], cancellationToken).ConfigureAwait(false);
        if (member is null)
        {
            return Validated<MemberRecord>.Invalid("Member", "That member is no longer in the group.");
        }

        if (await change(db, member).ConfigureAwait(false) is { } error)
        {
            return Validated<MemberRecord>.Invalid([error]);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Validated<MemberRecord>.Valid(member);
    }

    private static FieldError? Set(Action change)
    {
        change();
        return null;
    }

    private sealed class MemberNameValidator : AbstractValidator<string?>
    {
        public MemberNameValidator() => RuleFor(n => n).MustBeAName("member name").OverridePropertyName("Name");
    }
}
