using System.Reflection;
using FacilitatorKit.Application.Groups;
using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Application.Notes;
using FacilitatorKit.Application.Validation;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Chair;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FacilitatorKit.Data.Tests;

/// <summary>
/// Issue 12 §4: roles are enforced on the server for everything. Every meeting command (found by reflection in the
/// engine) and every public operation of the group and note use cases (found by reflection) is tried in every role,
/// through the application layer against a real store, and must be accepted exactly where DOMAIN.md rule 6 says.
/// The table is written out here, not read from the code under test, so a permission that changes breaks a test; a
/// command or an operation with no row here fails <see cref="EveryMeetingCommand_HasACase"/> or
/// <see cref="EveryGroupAndNoteOperation_HasACase"/>, so none can go untested.
/// </summary>
public static class RoleTable
{
    public const Role F = Role.Facilitator;
    public const Role CoF = Role.CoFacilitator;
    public const Role Member = Role.Member;
    public const Role Display = Role.Display;

    /// <summary>DOMAIN.md rule 6, the meeting's side.</summary>
    public static readonly Dictionary<MeetingAction, Role[]> Meeting = new()
    {
        [MeetingAction.StartOrEndMeeting] = [F],
        [MeetingAction.ChangeFormat] = [F],
        [MeetingAction.DeleteMeeting] = [F],
        [MeetingAction.RunAgenda] = [F, CoF],
        [MeetingAction.RunQueue] = [F, CoF],
        [MeetingAction.RaiseOwnHand] = [F, CoF, Member],
        [MeetingAction.SignalBreak] = [F, CoF, Member],
        [MeetingAction.JoinAsNewcomer] = [F, CoF, Member],
        [MeetingAction.Notes] = [F, CoF],
        [MeetingAction.SeeFairness] = [F, CoF],
        [MeetingAction.HandOverChair] = [F],
        [MeetingAction.ManageRoles] = [F],
    };

    /// <summary>
    /// DOMAIN.md rule 6, the group's side: changes are the facilitator's ("start or end the meeting, change the format,
    /// delete", "manage roles"); the others read only what their meeting views show.
    /// </summary>
    public static readonly Dictionary<GroupAction, Role[]> Group = new()
    {
        [GroupAction.SeeGroups] = [F],
        [GroupAction.SeeGroupRecords] = [F],
        [GroupAction.SeeMeetingsGroup] = [F, CoF, Member, Display],
        [GroupAction.SeeMembers] = [F, CoF],
        [GroupAction.CreateGroup] = [F],
        [GroupAction.ManageGroup] = [F],
        [GroupAction.ManageMembers] = [F],
        [GroupAction.SetUpMeeting] = [F],
        [GroupAction.DeleteMember] = [F],
        [GroupAction.DeleteGroup] = [F],
    };
}

/// <summary>One store for the class (each test makes its own meeting or group in it), with a fake clock.</summary>
public sealed class RoleTableStore : IAsyncLifetime
{
    public SessionFixture F { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        F = new SessionFixture();
        await F.AddFormatAsync(SeededGroup.Format);
    }

    public async Task DisposeAsync() => await F.DisposeAsync();
}

public class MeetingCommandRoleTests(RoleTableStore store) : IClassFixture<RoleTableStore>
{
    private static readonly MeetingFormat Format = new("Permissions",
    [
        new("Sharing", AgendaItemKind.Sharing, TimeSpan.FromMinutes(30), TurnPolicy.RaiseHand, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(10)),
        new("Resources", AgendaItemKind.Resources, TimeSpan.FromMinutes(10)),
        new("Closing", AgendaItemKind.Closing, TimeSpan.FromMinutes(10)),
    ]);

    private static readonly string[] People = ["Ana", "Ben", "Cai", "Dee", "Eve"];

    /// <summary>A meeting in the store, as a test finds it before the press.</summary>
    public sealed record Scene(MeetingSession Session)
    {
        public MeetingState State => Session.State;

        public ParticipantId P(string name) => State.Participants.Single(p => p.Name == name).Id;

        public TurnId Turn => State.CurrentTurn!.Id;
    }

    /// <param name="Command">The command type this case covers.</param>
    /// <param name="Row">The row of the permission table it needs.</param>
    /// <param name="Given">The meeting before the press; the facilitator's press is accepted in it and changes something.</param>
    /// <param name="Self">Whose device sends it (a member's phone acts for them).</param>
    public sealed record Case(Type Command, MeetingAction Row, Func<RoleTableStore, Task<Scene>> Given, Func<Scene, MeetingCommand> Build, string Self = "Cai");

    private static CommandId Id() => CommandId.New();

    /// <summary>Every command, each in a meeting where the facilitator's version of it is accepted and changes something.</summary>
    public static readonly Dictionary<string, Case> Cases = new()
    {
        ["SetUpMeeting"] = new(typeof(SetUpMeeting), MeetingAction.StartOrEndMeeting, s => NewAsync(s, setUp: false),
            m => new SetUpMeeting(Id(), m.State.Id, Format, [.. People.Select(n => new Participant(ParticipantId.New(), n))])),
        ["ChangeFormat"] = new(typeof(ChangeFormat), MeetingAction.ChangeFormat, s => NewAsync(s), _ => new ChangeFormat(Id(), SessionFixture.Format)),
        ["StartMeeting"] = new(typeof(StartMeeting), MeetingAction.StartOrEndMeeting, s => NewAsync(s), _ => new StartMeeting(Id())),
        ["CancelMeeting"] = new(typeof(CancelMeeting), MeetingAction.StartOrEndMeeting, s => NewAsync(s), _ => new CancelMeeting(Id())),
        ["EndMeeting"] = new(typeof(EndMeeting), MeetingAction.StartOrEndMeeting, RunningAsync, _ => new EndMeeting(Id())),
        ["PlanNextMeeting"] = new(typeof(PlanNextMeeting), MeetingAction.Notes, RunningAsync, _ => new PlanNextMeeting(Id(), new DateOnly(2026, 11, 29), "Library")),
        ["NextItem"] = new(typeof(NextItem), MeetingAction.RunAgenda, RunningAsync, m => new NextItem(Id(), m.State.CurrentItemId)),
        ["SkipAgendaItem"] = new(typeof(SkipAgendaItem), MeetingAction.RunAgenda, RunningAsync, _ => new SkipAgendaItem(Id(), new AgendaItemId(3))),
        ["ExtendAgendaItem"] = new(typeof(ExtendAgendaItem), MeetingAction.RunAgenda, RunningAsync, _ => new ExtendAgendaItem(Id(), new AgendaItemId(1), TimeSpan.FromMinutes(5))),
        ["MoveAgendaItem"] = new(typeof(MoveAgendaItem), MeetingAction.RunAgenda, RunningAsync, _ => new MoveAgendaItem(Id(), new AgendaItemId(3), 1)),
        ["AddAgendaItem"] = new(typeof(AddAgendaItem), MeetingAction.RunAgenda, RunningAsync, _ => new AddAgendaItem(Id(), new AgendaItemPlan("Break", AgendaItemKind.Break, TimeSpan.FromMinutes(5)))),
        ["RemoveAgendaItem"] = new(typeof(RemoveAgendaItem), MeetingAction.RunAgenda, RunningAsync, _ => new RemoveAgendaItem(Id(), new AgendaItemId(2))),
        ["ChangeTurnPolicy"] = new(typeof(ChangeTurnPolicy), MeetingAction.RunAgenda, RunningAsync, _ => new ChangeTurnPolicy(Id(), new AgendaItemId(1), TurnPolicy.Balanced)),
        ["ChangeTurnLimit"] = new(typeof(ChangeTurnLimit), MeetingAction.RunAgenda, RunningAsync, _ => new ChangeTurnLimit(Id(), new AgendaItemId(1), TimeSpan.FromMinutes(5))),
        ["ReleaseQuietReserve"] = new(typeof(ReleaseQuietReserve), MeetingAction.RunAgenda, RunningAsync, _ => new ReleaseQuietReserve(Id(), new AgendaItemId(1))),
        ["RaiseHand for someone else"] = new(typeof(RaiseHand), MeetingAction.RunQueue, RunningAsync, m => new RaiseHand(Id(), m.P("Eve"))),
        ["RaiseHand own"] = new(typeof(RaiseHand), MeetingAction.RaiseOwnHand, RunningAsync, m => new RaiseHand(Id(), m.P("Cai"))),
        ["LowerHand for someone else"] = new(typeof(LowerHand), MeetingAction.RunQueue, RunningAsync, m => new LowerHand(Id(), m.P("Dee"))),
        ["LowerHand own"] = new(typeof(LowerHand), MeetingAction.RaiseOwnHand, RunningAsync, m => new LowerHand(Id(), m.P("Dee")), Self: "Dee"),
        ["NextSpeaker"] = new(typeof(NextSpeaker), MeetingAction.RunQueue, RunningAsync, _ => new NextSpeaker(Id(), null)),
        ["RaisePointOfProcess"] = new(typeof(RaisePointOfProcess), MeetingAction.RunQueue, RunningAsync, m => new RaisePointOfProcess(Id(), m.P("Eve"))),
        ["StartGoRound"] = new(typeof(StartGoRound), MeetingAction.RunQueue, RunningAsync, _ => new StartGoRound(Id())),
        ["PauseTurn"] = new(typeof(PauseTurn), MeetingAction.RunQueue, SpeakingAsync, m => new PauseTurn(Id(), m.Turn)),
        ["ResumeTurn"] = new(typeof(ResumeTurn), MeetingAction.RunQueue, PausedAsync, m => new ResumeTurn(Id(), m.Turn)),
        ["ExtendTurn"] = new(typeof(ExtendTurn), MeetingAction.RunQueue, SpeakingAsync, m => new ExtendTurn(Id(), m.Turn, TimeSpan.FromMinutes(1))),
        ["EndTurn"] = new(typeof(EndTurn), MeetingAction.RunQueue, SpeakingAsync, m => new EndTurn(Id(), m.Turn)),
        ["Pass for the speaker"] = new(typeof(Pass), MeetingAction.RunQueue, SpeakingAsync, m => new Pass(Id(), m.Turn)),
        ["Pass own turn"] = new(typeof(Pass), MeetingAction.RaiseOwnHand, SpeakingAsync, m => new Pass(Id(), m.Turn), Self: "Ben"),
        ["PassForNow for the speaker"] = new(typeof(PassForNow), MeetingAction.RunQueue, GoRoundTurnAsync, m => new PassForNow(Id(), m.Turn)),
        ["PassForNow own turn"] = new(typeof(PassForNow), MeetingAction.RaiseOwnHand, GoRoundTurnAsync, m => new PassForNow(Id(), m.Turn), Self: "Ben"),
        ["UndoSpeakerChange"] = new(typeof(UndoSpeakerChange), MeetingAction.RunQueue, ChangedSpeakerAsync, m => new UndoSpeakerChange(Id(), m.State.LastSpeakerChange!.Started)),
        ["AddParticipant"] = new(typeof(AddParticipant), MeetingAction.RunQueue, RunningAsync, _ => new AddParticipant(Id(), new Participant(ParticipantId.New(), "Fay", ParticipantKind.Guest))),
        ["MarkParticipantLeft"] = new(typeof(MarkParticipantLeft), MeetingAction.RunQueue, RunningAsync, m => new MarkParticipantLeft(Id(), m.P("Eve"))),
        ["MarkSteppedOut"] = new(typeof(MarkSteppedOut), MeetingAction.RunQueue, RunningAsync, m => new MarkSteppedOut(Id(), m.P("Eve"))),
        ["MarkSteppedBack"] = new(typeof(MarkSteppedBack), MeetingAction.RunQueue, SteppedOutAsync, m => new MarkSteppedBack(Id(), m.P("Eve"))),
        ["AnswerBreakRequest"] = new(typeof(AnswerBreakRequest), MeetingAction.RunQueue, RunningAsync, m => new AnswerBreakRequest(Id(), m.P("Dee"))),
        ["SignalBreak for someone else"] = new(typeof(SignalBreak), MeetingAction.RunQueue, RunningAsync, m => new SignalBreak(Id(), m.P("Eve"))),
        ["SignalBreak own"] = new(typeof(SignalBreak), MeetingAction.SignalBreak, RunningAsync, m => new SignalBreak(Id(), m.P("Cai"))),
        ["HandOverChair"] = new(typeof(HandOverChair), MeetingAction.HandOverChair, RunningAsync, m => new HandOverChair(Id(), m.P("Ana"), m.P("Ben"))),
    };

    public static TheoryData<string, Role> CommandsByRole()
    {
        var data = new TheoryData<string, Role>();
        foreach (var command in Cases.Keys)
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                data.Add(command, role);
            }
        }

        return data;
    }

    [Fact]
    public void EveryMeetingCommand_HasACase()
    {
        var commands = typeof(MeetingCommand).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(MeetingCommand)) && !t.IsAbstract)
            .ToList();

        Assert.NotEmpty(commands);
        var untested = commands.Where(t => !Cases.Values.Any(c => c.Command == t)).Select(t => t.Name).ToList();
        Assert.True(untested.Count == 0, $"Meeting commands with no case in the role table: {string.Join(", ", untested)}");
    }

    [Fact]
    public void TheTable_HasEveryRowOfTheEngine_AndTheEngineAgrees()
    {
        Assert.Equal(Enum.GetValues<MeetingAction>().Order(), RoleTable.Meeting.Keys.Order());
        foreach (var (action, roles) in RoleTable.Meeting)
        {
            Assert.Equal(roles.Order(), Permissions.RolesAllowedTo(action).Order());
        }
    }

    [Theory]
    [MemberData(nameof(CommandsByRole))]
    public async Task Command_SentThroughTheSession_IsAcceptedOnlyForTheRolesTheTableAllows(string name, Role role)
    {
        var @case = Cases[name];
        var scene = await @case.Given(store);
        var command = @case.Build(scene);
        Assert.IsType(@case.Command, command);
        var before = scene.State.Version;
        var actor = new Actor(role, scene.State.Participants.Count > 0 ? scene.P(@case.Self) : null);

        var outcome = await scene.Session.SubmitAsync(command, actor, Guid.NewGuid());

        if (RoleTable.Meeting[@case.Row].Contains(role))
        {
            Assert.True(outcome.IsAccepted, $"{role} should be able to {name}, but: {outcome.Problem?.Code}");
            Assert.NotEmpty(outcome.Events);
            Assert.Equal(scene.State.Version, store.F.StoredEventCount(scene.State.Id));
        }
        else
        {
            Assert.Equal(CommandStatus.Refused, outcome.Status);
            Assert.Equal((RefusalReason.RoleMayNot, role, @case.Row), (outcome.Refusal!.Reason, outcome.Refusal.Role, outcome.Refusal.Action));
            Assert.Equal(before, scene.State.Version);
            Assert.Equal(before, store.F.StoredEventCount(scene.State.Id));
        }
    }

    private static async Task<Scene> NewAsync(RoleTableStore s, bool setUp = true)
    {
        var meetingId = MeetingId.New();
        await using (var db = s.F.Database.Contexts.CreateDbContext())
        {
            var groupId = Guid.NewGuid();
            db.Groups.Add(new GroupRecord { Id = groupId, Name = "Role table circle", CreatedAt = SessionFixture.Start });
            db.Meetings.Add(new MeetingRecord { Id = meetingId.Value, GroupId = groupId, Number = 1, FormatName = Format.Name, CreatedAt = SessionFixture.Start });
            await db.SaveChangesAsync();
        }

        var scene = new Scene((await s.F.Sessions.GetAsync(meetingId))!);
        if (setUp)
        {
            var people = People.Select(n => new Participant(ParticipantId.New(), n)).ToArray();
            await GivenAsync(scene, new SetUpMeeting(Id(), meetingId, Format, [.. people], people[0].Id));
        }

        return scene;
    }

    /// <summary>The sharing item is running; nobody is speaking; Dee has a hand up and has asked for a break.</summary>
    private static async Task<Scene> RunningAsync(RoleTableStore s)
    {
        var m = await NewAsync(s);
        await GivenAsync(m, new StartMeeting(Id()));
        await GivenAsync(m, new RaiseHand(Id(), m.P("Dee")));
        await GivenAsync(m, new SignalBreak(Id(), m.P("Dee")));
        return m;
    }

    private static async Task<Scene> SteppedOutAsync(RoleTableStore s)
    {
        var m = await RunningAsync(s);
        await GivenAsync(m, new MarkSteppedOut(Id(), m.P("Eve")));
        return m;
    }

    /// <summary>Ben has been speaking for 40 seconds, with a 3-minute limit; Dee waits.</summary>
    private static async Task<Scene> SpeakingAsync(RoleTableStore s)
    {
        var m = await NewAsync(s);
        await GivenAsync(m, new StartMeeting(Id()));
        await GivenAsync(m, new RaiseHand(Id(), m.P("Ben")));
        await GivenAsync(m, new RaiseHand(Id(), m.P("Dee")));
        await GivenAsync(m, new NextSpeaker(Id(), null));
        s.F.Clock.Advance(TimeSpan.FromSeconds(40));
        return m;
    }

    private static async Task<Scene> PausedAsync(RoleTableStore s)
    {
        var m = await SpeakingAsync(s);
        await GivenAsync(m, new PauseTurn(Id(), m.Turn));
        return m;
    }

    /// <summary>Ben was speaking; "Next speaker" gave the turn to Dee a moment ago, so it can be undone.</summary>
    private static async Task<Scene> ChangedSpeakerAsync(RoleTableStore s)
    {
        var m = await SpeakingAsync(s);
        await GivenAsync(m, new NextSpeaker(Id(), m.Turn));
        s.F.Clock.Advance(TimeSpan.FromSeconds(5));
        return m;
    }

    /// <summary>The sharing item is a go-round after Ana (the chair): Ben has the first turn.</summary>
    private static async Task<Scene> GoRoundTurnAsync(RoleTableStore s)
    {
        var m = await NewAsync(s);
        await GivenAsync(m, new StartMeeting(Id()));
        await GivenAsync(m, new StartGoRound(Id()));
        await GivenAsync(m, new NextSpeaker(Id(), null));
        Assert.Equal(m.P("Ben"), m.State.CurrentTurn!.Participant);
        return m;
    }

    private static async Task GivenAsync(Scene m, MeetingCommand command)
    {
        var outcome = await m.Session.SubmitAsync(command, Actor.Facilitator);
        Assert.True(outcome.IsAccepted, $"{command.GetType().Name}: {outcome.Problem?.Code}");
    }
}

public class GroupAndNoteOperationRoleTests(RoleTableStore store) : IClassFixture<RoleTableStore>
{
    /// <summary>A group with two volunteers for the chair, one meeting held (Ana spoke, and a note was kept), in the store.</summary>
    public sealed record Seeded(GroupRecord Group, MemberRecord Ana, MemberRecord Ben, MeetingId Held);

    /// <summary>What an operation gave the role: whether it did (or showed) what it does, and the refusal it said, if any.</summary>
    public sealed record Result(bool Done, Refusal? Refusal = null)
    {
        public static Result Of<T>(Validated<T> validated)
            where T : class => new(validated.IsValid, validated.Errors.Count > 0 ? validated.Errors[0].Refusal : null);

        public static Result Of(CommandOutcome? outcome) => new(outcome?.IsAccepted == true, outcome?.Refusal);

        public static Result Of(NoteSave save) => new(save.Status == NoteSaveStatus.Saved, save.Problem?.Refusal);

        public static Result Of(FieldError? error) => new(error is null, error?.Refusal);

        public static Result Shows(bool shows) => new(shows);
    }

    /// <param name="Row">A <see cref="GroupAction"/>, or the <see cref="MeetingAction"/> row a note operation needs.</param>
    /// <param name="IsRead">A read gives nothing to a role that may not; a change says why not.</param>
    public sealed record Operation(Enum Row, bool IsRead, Func<Seeded, Acting, Task<Result>> Run);

    /// <summary>The use cases, for one role.</summary>
    public sealed record Acting(Actor Actor, GroupService Groups, NoteService Notes, SessionFixture F);

    private static int _names;

    private static string Unique(string name) => $"{name}{(char)('a' + (Interlocked.Increment(ref _names) % 26))}{_names / 26}";

    /// <summary>Every public operation of <see cref="GroupService"/> and <see cref="NoteService"/>, by name.</summary>
    public static readonly Dictionary<string, Operation> Operations = new()
    {
        ["GroupService.CreateGroupAsync"] = new(GroupAction.CreateGroup, false, async (_, a) => Result.Of(await a.Groups.CreateGroupAsync(new NewGroup(Unique("Circle"))))),
        ["GroupService.ChangeSettingsAsync"] = new(GroupAction.ManageGroup, false, async (g, a) => Result.Of(await a.Groups.ChangeSettingsAsync(g.Group.Id, new GroupSettings("Renamed circle", GroupKind.Closed, 12)))),
        ["GroupService.SetSoftChimeAsync"] = new(GroupAction.ManageGroup, false, async (g, a) => Result.Of(await a.Groups.SetSoftChimeAsync(g.Group.Id, true))),
        ["GroupService.AddMemberAsync"] = new(GroupAction.ManageMembers, false, async (g, a) => Result.Of(await a.Groups.AddMemberAsync(g.Group.Id, "Fay"))),
        ["GroupService.RenameMemberAsync"] = new(GroupAction.ManageMembers, false, async (g, a) => Result.Of(await a.Groups.RenameMemberAsync(g.Ben.Id, "Benedict"))),
        ["GroupService.SetVolunteerAsync"] = new(GroupAction.ManageMembers, false, async (g, a) => Result.Of(await a.Groups.SetVolunteerAsync(g.Ben.Id, false))),
        ["GroupService.MarkMemberLeftAsync"] = new(GroupAction.ManageMembers, false, async (g, a) => Result.Of(await a.Groups.MarkMemberLeftAsync(g.Ben.Id))),
        ["GroupService.StartNewMeetingAsync"] = new(GroupAction.SetUpMeeting, false, async (g, a) =>
            Result.Of(await a.Groups.StartNewMeetingAsync(g.Group.Id, SeededGroup.FormatName, [g.Ana.Id, g.Ben.Id], g.Ben.Id))),
        ["GroupService.CancelMeetingAsync"] = new(GroupAction.SetUpMeeting, false, async (g, a) =>
        {
            var waiting = (await a.F.Groups.StartNewMeetingAsync(g.Group.Id, SeededGroup.FormatName, [g.Ana.Id, g.Ben.Id], g.Ben.Id)).Value!;
            return Result.Of(await a.Groups.CancelMeetingAsync(waiting.Meeting));
        }),
        ["GroupService.DeleteMemberAsync"] = new(GroupAction.DeleteMember, false, async (g, a) => Result.Of(await a.Groups.DeleteMemberAsync(g.Ben.Id))),
        ["GroupService.DeleteMeetingAsync"] = new(MeetingAction.DeleteMeeting, false, async (g, a) => Result.Of(await a.Groups.DeleteMeetingAsync(g.Held))),
        ["GroupService.DeleteGroupAsync"] = new(GroupAction.DeleteGroup, false, async (g, a) => Result.Of(await a.Groups.DeleteGroupAsync(g.Group.Id))),
        ["GroupService.SetNotesRetentionAsync"] = new(GroupAction.ManageGroup, false, async (g, a) => Result.Of(await a.Groups.SetNotesRetentionAsync(g.Group.Id, 6))),
        ["GroupService.GroupsAsync"] = new(GroupAction.SeeGroups, true, async (_, a) => Result.Shows((await a.Groups.GroupsAsync()).Count > 0)),
        ["GroupService.RecentMeetingsAsync"] = new(GroupAction.SeeGroups, true, async (_, a) => Result.Shows((await a.Groups.RecentMeetingsAsync()).Count > 0)),
        ["GroupService.FormatNamesAsync"] = new(GroupAction.SeeGroups, true, async (_, a) => Result.Shows((await a.Groups.FormatNamesAsync()).Count > 0)),
        ["GroupService.GroupAsync"] = new(GroupAction.SeeGroupRecords, true, async (g, a) => Result.Shows(await a.Groups.GroupAsync(g.Group.Id) is not null)),
        ["GroupService.MeetingsAsync"] = new(GroupAction.SeeGroupRecords, true, async (g, a) => Result.Shows((await a.Groups.MeetingsAsync(g.Group.Id)).Count > 0)),
        ["GroupService.AttendanceRegisterAsync"] = new(GroupAction.SeeGroupRecords, true, async (g, a) => Result.Shows((await a.Groups.AttendanceRegisterAsync(g.Group.Id)).Sessions.Count > 0)),
        ["GroupService.ChairHistoryAsync"] = new(GroupAction.SeeGroupRecords, true, async (g, a) => Result.Shows((await a.Groups.ChairHistoryAsync(g.Group.Id)).Count > 0)),
        ["GroupService.ProposeNextChairAsync"] = new(GroupAction.SeeGroupRecords, true, async (g, a) => Result.Shows(await a.Groups.ProposeNextChairAsync(g.Group.Id) is not null)),
        ["GroupService.GroupBalanceAsync"] = new(GroupAction.SeeGroupRecords, true, async (g, a) => Result.Shows((await a.Groups.GroupBalanceAsync(g.Group.Id)).Meetings > 0)),
        ["GroupService.RecentLedgersAsync"] = new(GroupAction.SeeGroupRecords, true, async (g, a) => Result.Shows((await a.Groups.RecentLedgersAsync(g.Group.Id)).Count > 0)),
        ["GroupService.GroupOfMeetingAsync"] = new(GroupAction.SeeMeetingsGroup, true, async (g, a) => Result.Shows(await a.Groups.GroupOfMeetingAsync(g.Held) is not null)),
        ["GroupService.MembersAsync"] = new(GroupAction.SeeMembers, true, async (g, a) => Result.Shows((await a.Groups.MembersAsync(g.Group.Id)).Count > 0)),
        ["NoteService.GetAsync"] = new(MeetingAction.Notes, true, async (g, a) => Result.Shows((await a.Notes.GetAsync(a.Actor, g.Held, 1)).Text.Length > 0)),
        ["NoteService.ForMeetingAsync"] = new(MeetingAction.Notes, true, async (g, a) => Result.Shows((await a.Notes.ForMeetingAsync(a.Actor, g.Held)).Count > 0)),
        ["NoteService.SaveAsync"] = new(MeetingAction.Notes, false, async (g, a) => Result.Of(await a.Notes.SaveAsync(a.Actor, g.Held, 2, "Resources: the helpline leaflet", 0))),
    };

    public static TheoryData<string, Role> OperationsByRole()
    {
        var data = new TheoryData<string, Role>();
        foreach (var operation in Operations.Keys)
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                data.Add(operation, role);
            }
        }

        return data;
    }

    [Fact]
    public void EveryGroupAndNoteOperation_HasACase()
    {
        var operations = new[] { typeof(GroupService), typeof(NoteService) }
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName)
                .Select(m => $"{t.Name}.{m.Name}"))
            .Distinct()
            .ToList();

        var untested = operations.Except(Operations.Keys).ToList();
        var gone = Operations.Keys.Except(operations).ToList();
        Assert.True(untested.Count == 0, $"Public operations with no row in the role table: {string.Join(", ", untested)}");
        Assert.True(gone.Count == 0, $"Rows for operations that no longer exist: {string.Join(", ", gone)}");
    }

    [Fact]
    public void TheTable_HasEveryGroupAction_AndGroupPermissionsAgrees()
    {
        Assert.Equal(Enum.GetValues<GroupAction>().Order(), RoleTable.Group.Keys.Order());
        foreach (var (action, roles) in RoleTable.Group)
        {
            Assert.Equal(roles.Order(), GroupPermissions.RolesAllowedTo(action).Order());
        }
    }

    [Theory]
    [MemberData(nameof(OperationsByRole))]
    public async Task Operation_IsDoneOnlyForTheRolesTheTableAllows(string name, Role role)
    {
        var operation = Operations[name];
        var seeded = await SeedAsync();
        var allowed = operation.Row switch
        {
            GroupAction g => RoleTable.Group[g].Contains(role),
            MeetingAction m => RoleTable.Meeting[m].Contains(role),
            _ => throw new InvalidOperationException(operation.Row.ToString()),
        };

        var result = await store.F.Host.As(new Actor(role), services =>
            operation.Run(seeded, new Acting(new Actor(role), services.GetRequiredService<GroupService>(), services.GetRequiredService<NoteService>(), store.F)));

        if (allowed)
        {
            Assert.True(result.Done, $"{role} should be able to {name}, but: {result.Refusal}");
        }
        else
        {
            Assert.False(result.Done, $"{role} should not be able to {name}.");
            if (!operation.IsRead)
            {
                Assert.NotNull(result.Refusal);
                Assert.Equal((RefusalReason.RoleMayNot, (Role?)role), (result.Refusal.Reason, result.Refusal.Role));
                Assert.Equal(operation.Row, result.Refusal.GroupAction is { } refused ? refused : (Enum?)result.Refusal.Action);
            }
        }
    }

    [Fact]
    public async Task NoDevice_CanDoNothing()
    {
        var seeded = await SeedAsync();
        foreach (var (name, operation) in Operations)
        {
            var result = await store.F.Host.As(null, services =>
                operation.Run(seeded, new Acting(null!, services.GetRequiredService<GroupService>(), services.GetRequiredService<NoteService>(), store.F)));
            Assert.False(result.Done, $"Nobody should be able to {name}.");
        }
    }

    private async Task<Seeded> SeedAsync()
    {
        var f = store.F;
        var group = new GroupRecord { Id = Guid.NewGuid(), Name = Unique("Circle"), Kind = GroupKind.Closed, PlannedSessions = 12, CreatedAt = f.Clock.GetUtcNow() };
        await using (var db = f.Database.Contexts.CreateDbContext())
        {
            db.Groups.Add(group);
            await db.SaveChangesAsync();
        }

        var ana = (await f.Groups.AddMemberAsync(group.Id, "Ana", volunteersForChair: true)).Value!;
        var ben = (await f.Groups.AddMemberAsync(group.Id, "Ben", volunteersForChair: true)).Value!;
        var held = (await f.Groups.StartNewMeetingAsync(group.Id, SeededGroup.FormatName, [ana.Id, ben.Id], ana.Id)).Value!.Meeting;
        var session = (await f.Sessions.GetAsync(held))!;
        async Task Do(MeetingCommand command) => Assert.True((await session.SubmitAsync(command, Actor.Facilitator)).IsAccepted, command.GetType().Name);
        await Do(new StartMeeting(CommandId.New()));
        await Do(new NextItem(CommandId.New(), session.State.CurrentItemId));
        await Do(new RaiseHand(CommandId.New(), new(ana.Id)));
        await Do(new NextSpeaker(CommandId.New(), null));
        f.Clock.Advance(TimeSpan.FromMinutes(2));
        await Do(new EndMeeting(CommandId.New()));
        Assert.Equal(NoteSaveStatus.Saved, (await f.Notes.SaveAsync(Actor.Facilitator, held, 1, "Decided: coffee rota", 0)).Status);
        return new(group, ana, ben, held);
    }
}
