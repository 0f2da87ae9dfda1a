using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Chair;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Engine.Tests.Support;

namespace FacilitatorKit.Engine.Tests.Roles;

/// <summary>DOMAIN.md rule 6: every command carries who sends it and in which role; anything outside the role is refused.</summary>
public class PermissionTests
{
    private const Role F = Role.Facilitator;
    private const Role CoF = Role.CoFacilitator;
    private const Role Member = Role.Member;

    /// <summary>The table of DOMAIN.md rule 6, written out here rather than read from the engine.</summary>
    private static readonly Dictionary<MeetingAction, Role[]> Table = new()
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

    private static readonly MeetingId ThisMeeting = MeetingId.New();

    private static readonly MeetingFormat Format = new("Permissions",
    [
        new("Sharing", AgendaItemKind.Sharing, TimeSpan.FromMinutes(30), TurnPolicy.RaiseHand, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(10)),
        new("Resources", AgendaItemKind.Resources, TimeSpan.FromMinutes(10)),
        new("Closing", AgendaItemKind.Closing, TimeSpan.FromMinutes(10)),
    ]);

    private static readonly string[] People = ["Ana", "Ben", "Cai", "Dee", "Eve"];

    private sealed record Case(MeetingAction Row, Func<Role, Decision> Decide);

    /// <summary>
    /// Every command, each in a meeting where the facilitator's version of it is accepted and changes something.
    /// The sender's device belongs to Cai; "for someone else" commands name Eve or Dee.
    /// </summary>
    private static readonly Dictionary<string, Case> Commands = new()
    {
        ["SetUpMeeting"] = new(MeetingAction.StartOrEndMeeting, role =>
            Meeting.Decide(MeetingState.Initial(ThisMeeting), new SetUpMeeting(Id(), ThisMeeting, Format, [new Participant(ParticipantId.New(), "Ana")]) { Actor = new Actor(role) }, MeetingScenario.Start)),
        ["ChangeFormat"] = new(MeetingAction.ChangeFormat, role => Decide(Gathering(), (m, by) => new ChangeFormat(Id(), Formats.PeerSupportCircle) { Actor = by }, role)),
        ["StartMeeting"] = new(MeetingAction.StartOrEndMeeting, role => Decide(Gathering(), (m, by) => m.StartMeeting(by), role)),
        ["EndMeeting"] = new(MeetingAction.StartOrEndMeeting, role => Decide(Running(), (m, by) => m.EndMeeting(by), role)),
        ["PlanNextMeeting"] = new(MeetingAction.Notes, role => Decide(Running(), (m, by) => new PlanNextMeeting(Id(), new DateOnly(2026, 11, 29), "Library") { Actor = by }, role)),
        ["CancelMeeting"] = new(MeetingAction.StartOrEndMeeting, role => Decide(Gathering(), (m, by) => m.CancelMeeting(by), role)),
        ["NextItem"] = new(MeetingAction.RunAgenda, role => Decide(Running(), (m, by) => m.NextItem(by), role)),
        ["SkipAgendaItem"] = new(MeetingAction.RunAgenda, role => Decide(Running(), (m, by) => new SkipAgendaItem(Id(), new AgendaItemId(3)) { Actor = by }, role)),
        ["ExtendAgendaItem"] = new(MeetingAction.RunAgenda, role => Decide(Running(), (m, by) => new ExtendAgendaItem(Id(), new AgendaItemId(1), TimeSpan.FromMinutes(5)) { Actor = by }, role)),
        ["MoveAgendaItem"] = new(MeetingAction.RunAgenda, role => Decide(Running(), (m, by) => new MoveAgendaItem(Id(), new AgendaItemId(3), 1) { Actor = by }, role)),
        ["AddAgendaItem"] = new(MeetingAction.RunAgenda, role => Decide(Running(), (m, by) => new AddAgendaItem(Id(), new AgendaItemPlan("Break", AgendaItemKind.Break, TimeSpan.FromMinutes(5))) { Actor = by }, role)),
        ["RemoveAgendaItem"] = new(MeetingAction.RunAgenda, role => Decide(Running(), (m, by) => new RemoveAgendaItem(Id(), new AgendaItemId(2)) { Actor = by }, role)),
        ["ChangeTurnPolicy"] = new(MeetingAction.RunAgenda, role => Decide(Running(), (m, by) => new ChangeTurnPolicy(Id(), new AgendaItemId(1), TurnPolicy.Balanced) { Actor = by }, role)),
        ["ChangeTurnLimit"] = new(MeetingAction.RunAgenda, role => Decide(Running(), (m, by) => new ChangeTurnLimit(Id(), new AgendaItemId(1), TimeSpan.FromMinutes(5)) { Actor = by }, role)),
        ["ReleaseQuietReserve"] = new(MeetingAction.RunAgenda, role => Decide(Running(), (m, by) => new ReleaseQuietReserve(Id(), new AgendaItemId(1)) { Actor = by }, role)),
        ["RaiseHand for someone else"] = new(MeetingAction.RunQueue, role => Decide(Running(), (m, by) => m.RaiseHand("Eve", by), role)),
        ["LowerHand for someone else"] = new(MeetingAction.RunQueue, role => Decide(Running(), (m, by) => m.LowerHand("Dee", by), role)),
        ["NextSpeaker"] = new(MeetingAction.RunQueue, role => Decide(Running(), (m, by) => m.NextSpeaker(by), role)),
        ["RaisePointOfProcess"] = new(MeetingAction.RunQueue, role => Decide(Running(), (m, by) => m.PointOfProcess("Eve", by), role)),
        ["StartGoRound"] = new(MeetingAction.RunQueue, role => Decide(Running(), (m, by) => new StartGoRound(Id()) { Actor = by }, role)),
        ["PauseTurn"] = new(MeetingAction.RunQueue, role => Decide(Speaking(), (m, by) => m.Pause(by), role)),
        ["ResumeTurn"] = new(MeetingAction.RunQueue, role => Decide(Paused(), (m, by) => m.Resume(by), role)),
        ["ExtendTurn"] = new(MeetingAction.RunQueue, role => Decide(Speaking(), (m, by) => m.AddAMinute(by), role)),
        ["EndTurn"] = new(MeetingAction.RunQueue, role => Decide(Speaking(), (m, by) => m.EndTurn(by), role)),
        ["Pass for the speaker"] = new(MeetingAction.RunQueue, role => Decide(Speaking(), (m, by) => m.Pass(by), role)),
        ["PassForNow for the speaker"] = new(MeetingAction.RunQueue, role => Decide(GoRoundTurn(), (m, by) => m.PassForNow(by), role)),
        ["AddParticipant"] = new(MeetingAction.RunQueue, role => Decide(Running(), (m, by) => m.Arrives("Fay", by: by), role)),
        ["AddParticipant own newcomer"] = new(MeetingAction.JoinAsNewcomer, role => JoinsFromOwnPhone(role, ParticipantKind.Newcomer)),
        ["AddParticipant own, as a member"] = new(MeetingAction.RunQueue, role => JoinsFromOwnPhone(role, ParticipantKind.Member)),
        ["MarkParticipantLeft"] = new(MeetingAction.RunQueue, role => Decide(Running(), (m, by) => m.Leaves("Eve", by), role)),
        ["MarkSteppedOut"] = new(MeetingAction.RunQueue, role => Decide(Running(), (m, by) => m.StepsOut("Eve", by), role)),
        ["MarkSteppedBack"] = new(MeetingAction.RunQueue, role => Decide(SteppedOut(), (m, by) => m.IsBack("Eve", by), role)),
        ["AnswerBreakRequest"] = new(MeetingAction.RunQueue, role => Decide(Running(), (m, by) => new AnswerBreakRequest(Id(), m.P("Dee")) { Actor = by }, role)),
        ["SignalBreak for someone else"] = new(MeetingAction.RunQueue, role => Decide(Running(), (m, by) => new SignalBreak(Id(), m.P("Eve")) { Actor = by }, role)),
        ["HandOverChair"] = new(MeetingAction.HandOverChair, role => Decide(Running(), (m, by) => new HandOverChair(Id(), m.P("Ana"), m.P("Ben")) { Actor = by }, role)),
        ["RaiseHand own"] = new(MeetingAction.RaiseOwnHand, role => Decide(Running(), (m, by) => m.RaiseHand("Cai", by), role)),
        ["LowerHand own"] = new(MeetingAction.RaiseOwnHand, role => Decide(Running(), (m, by) => m.LowerHand("Dee", by), role, self: "Dee")),
        ["SignalBreak own"] = new(MeetingAction.SignalBreak, role => Decide(Running(), (m, by) => new SignalBreak(Id(), m.P("Cai")) { Actor = by }, role)),
    };

    public static TheoryData<Role, MeetingAction> TableCells()
    {
        var data = new TheoryData<Role, MeetingAction>();
        foreach (var action in Enum.GetValues<MeetingAction>())
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                data.Add(role, action);
            }
        }

        return data;
    }

    public static TheoryData<Role, MeetingAction> RefusedCells()
    {
        var data = new TheoryData<Role, MeetingAction>();
        foreach (var action in Enum.GetValues<MeetingAction>())
        {
            foreach (var role in Enum.GetValues<Role>().Where(r => !Table[action].Contains(r)))
            {
                data.Add(role, action);
            }
        }

        return data;
    }

    public static TheoryData<string, Role> CommandsByRole()
    {
        var data = new TheoryData<string, Role>();
        foreach (var command in Commands.Keys)
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                data.Add(command, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TableCells))]
    public void Permissions_FollowTheRoleTableOfTheDomain(Role role, MeetingAction action)
    {
        var allowed = Table[action].Contains(role);

        Assert.Equal(allowed, Permissions.Allows(role, action));
        var refusal = Permissions.Check(new Actor(role), action);
        if (allowed)
        {
            Assert.Null(refusal);
        }
        else
        {
            Assert.NotNull(refusal);
            Assert.Equal(RefusalCode.NotPermitted, refusal.Code);
        }
    }

    [Theory]
    [MemberData(nameof(CommandsByRole))]
    public void Command_IsAcceptedOnlyForTheRolesTheTableAllows(string command, Role role)
    {
        var @case = Commands[command];
        var allowed = Table[@case.Row].Contains(role);

        var decision = @case.Decide(role);

        if (allowed)
        {
            Assert.True(decision.IsAccepted, $"{role} should be able to {command}, but: {decision.Refusal}");
            Assert.NotEmpty(decision.Events);
        }
        else
        {
            Assert.False(decision.IsAccepted, $"{role} should not be able to {command}.");
            Assert.Equal(RefusalCode.NotPermitted, decision.Refusal!.Code);
            Assert.Equal((RefusalReason.RoleMayNot, role, @case.Row), (decision.Refusal.Reason, decision.Refusal.Role, decision.Refusal.Action));
            Assert.Empty(decision.Events);
        }
    }

    [Theory]
    [MemberData(nameof(RefusedCells))]
    public void Refusal_NamesTheSendersRoleAndTheAction_AndTheTableSaysWhoMay(Role role, MeetingAction action)
    {
        var refusal = Permissions.Check(new Actor(role), action)!;

        Assert.Equal((RefusalCode.NotPermitted, RefusalReason.RoleMayNot, role, action), (refusal.Code, refusal.Reason, refusal.Role, refusal.Action));
        Assert.Equal(Table[action].Order(), Permissions.RolesAllowedTo(action).Order());
        Assert.DoesNotContain(role, Permissions.RolesAllowedTo(action));
    }

    [Fact]
    public void Command_NobodySent_IsRefusedAndChangesNothing()
    {
        var m = Running();
        m.Given(m.RaiseHand("Cai"));

        var refusal = m.When(m.NextSpeaker() with { Actor = null }).ThenRefused(RefusalCode.NotPermitted);

        Assert.Equal((RefusalReason.RoleMayNot, (Role?)null), (refusal.Reason, refusal.Role));
        Assert.Null(m.State.CurrentTurn);
    }

    [Fact]
    public void TheDisplay_CanDoNothing()
    {
        Assert.All(Enum.GetValues<MeetingAction>(), action => Assert.False(Permissions.Allows(Role.Display, action)));
        Assert.All(Commands, kv => Assert.Equal(RefusalCode.NotPermitted, kv.Value.Decide(Role.Display).Refusal?.Code));
    }

    [Fact]
    public void Member_CanRaiseAndLowerTheirOwnHandAndSignalTheirOwnBreak()
    {
        var m = Running();
        var cai = Actor.Member(m.P("Cai"));

        m.When(m.RaiseHand("Cai", cai)).ThenEvents(new HandRaised(m.P("Cai"), m.Now));
        m.When(m.LowerHand("Cai", cai)).ThenEvents(new HandLowered(m.P("Cai")));
        m.When(new SignalBreak(Id(), m.P("Cai")) { Actor = cai }).ThenEvents(new BreakRequested(m.P("Cai"), m.Now));

        Assert.Contains(m.P("Cai"), m.State.BreakRequests);
    }

    [Fact]
    public void Member_CannotRaiseLowerOrSignalABreakForSomeoneElse()
    {
        var m = Running();
        var cai = Actor.Member(m.P("Cai"));

        var raise = m.When(m.RaiseHand("Eve", cai)).ThenRefused(RefusalCode.NotPermitted);
        m.When(m.LowerHand("Dee", cai)).ThenRefused(RefusalCode.NotPermitted);
        m.When(new SignalBreak(Id(), m.P("Eve")) { Actor = cai }).ThenRefused(RefusalCode.NotPermitted);

        Assert.Equal((RefusalReason.RoleMayNot, Role.Member, MeetingAction.RunQueue), (raise.Reason, raise.Role, raise.Action));
        Assert.Equal(["Dee"], m.Order);
        Assert.DoesNotContain(m.P("Eve"), m.State.BreakRequests);
    }

    private static CommandId Id() => MeetingScenario.NewId();

    private static Decision Decide(MeetingScenario m, Func<MeetingScenario, Actor, MeetingCommand> command, Role role, string self = "Cai") =>
        Meeting.Decide(m.State, command(m, new Actor(role, m.P(self))), m.Now);

    /// <summary>Someone adds themselves from their own phone: only a newcomer may (a member is added as themselves by the facilitators).</summary>
    private static Decision JoinsFromOwnPhone(Role role, ParticipantKind kind)
    {
        var m = Running();
        var me = ParticipantId.New();
        return Meeting.Decide(m.State, new AddParticipant(Id(), new Participant(me, "Kofi", kind)) { Actor = new Actor(role, me) }, m.Now);
    }

    private static MeetingScenario Gathering() => MeetingScenario.Gathering(Format, People);

    /// <summary>The sharing item is running; nobody is speaking; Dee has a hand up and has asked for a break.</summary>
    private static MeetingScenario Running()
    {
        var m = MeetingScenario.Gathering(Format, People);
        m.Given(m.StartMeeting(), m.RaiseHand("Dee"), new SignalBreak(Id(), m.P("Dee")) { Actor = m.Facilitator });
        return m;
    }

    /// <summary>As <see cref="Running"/>, and Eve has stepped out.</summary>
    private static MeetingScenario SteppedOut()
    {
        var m = Running();
        return m.Given(m.StepsOut("Eve"));
    }

    /// <summary>Ben is speaking, with a 3-minute limit.</summary>
    private static MeetingScenario Speaking()
    {
        var m = MeetingScenario.Gathering(Format, People);
        m.Given(m.StartMeeting(), m.RaiseHand("Ben"), m.RaiseHand("Dee")).NextSpeakerIs("Ben");
        return m.WaitSeconds(40);
    }

    private static MeetingScenario Paused()
    {
        var m = Speaking();
        return m.Given(m.Pause());
    }

    /// <summary>The sharing item is a go-round after Ana (the chair): Ben has the first turn.</summary>
    private static MeetingScenario GoRoundTurn()
    {
        var m = MeetingScenario.Gathering(Format, People);
        m.Given(m.StartMeeting(), new StartGoRound(Id()) { Actor = m.Facilitator }).NextSpeakerIs("Ben");
        return m;
    }
}
