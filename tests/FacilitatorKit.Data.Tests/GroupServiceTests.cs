using FacilitatorKit.Application.Groups;
using FacilitatorKit.Application.Validation;
using FacilitatorKit.Data.Model;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Chair;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using Microsoft.EntityFrameworkCore;
using FacilitatorKit.Testing;

namespace FacilitatorKit.Data.Tests;

public class GroupServiceTests
{
    private const string Format = """
        { "name": "Short check-in", "items": [
          { "title": "Welcome, session {session} of {sessions}", "kind": "Opening", "minutes": 3 },
          { "title": "Open discussion", "kind": "OpenDiscussion", "minutes": 17, "turnOrder": "Balanced", "turnLimitMinutes": 3 } ] }
        """;

    [Theory]
    [InlineData("", GroupKind.Open, null, "Name")]
    [InlineData("Tuesday\tcircle", GroupKind.Open, null, "Name")]
    [InlineData("A group name that goes on well past forty chars", GroupKind.Open, null, "Name")]
    [InlineData("Tuesday circle", GroupKind.Closed, null, "PlannedSessions")]
    [InlineData("Tuesday circle", GroupKind.Open, 8, "PlannedSessions")]
    public async Task CreateGroup_BadInput_WritesNothing_AndNamesTheField(string name, GroupKind kind, int? sessions, string field)
    {
        await using var f = new SessionFixture();

        var result = await f.Groups.CreateGroupAsync(new NewGroup(name, kind, sessions));

        Assert.False(result.IsValid);
        Assert.NotNull(result.ErrorFor(field));
        await using var db = f.Database.Contexts.CreateDbContext();
        Assert.Empty(db.Groups);
    }

    [Fact]
    public async Task AddMember_DuplicateNameInTheGroup_IsRefusedWithAHelpfulMessage()
    {
        await using var f = new SessionFixture();
        var group = (await f.Groups.CreateGroupAsync(new NewGroup("Tuesday circle"))).Value!;
        await f.Groups.AddMemberAsync(group.Id, "Sam");

        var again = await f.Groups.AddMemberAsync(group.Id, "  sam ");

        var taken = again.ErrorFor("Name")!;
        Assert.True(taken.Is(InputProblem.NameTakenInGroup));
        Assert.Equal("Sam", taken.Args["Name"]); // the name already in the group, as people know it
        Assert.Single(await f.Groups.MembersAsync(group.Id));
    }

    /// <summary>Issue 13 F5: "Ana", "Ana" with a hidden joiner and a Cyrillic "Аnа" all passed the duplicate check.</summary>
    [Theory]
    [InlineData("Ana\u200D")]
    [InlineData("\u0410n\u0430")]
    [InlineData("ＡＮＡ")]
    public async Task AddMember_ANameThatLooksTheSameAsAMembers_IsRefused(string lookalike)
    {
        await using var f = new SessionFixture();
        var group = (await f.Groups.CreateGroupAsync(new NewGroup("Tuesday circle"))).Value!;
        await f.Groups.AddMemberAsync(group.Id, "Ana");

        var again = await f.Groups.AddMemberAsync(group.Id, lookalike);

        Assert.True(again.ErrorFor("Name")!.Is(InputProblem.NameTakenInGroup));
        Assert.Single(await f.Groups.MembersAsync(group.Id));
    }

    [Fact]
    public async Task AddMember_SameNameInAnotherGroup_IsFine_AndTheNameIsKeptAsTyped()
    {
        await using var f = new SessionFixture();
        var a = (await f.Groups.CreateGroupAsync(new NewGroup("Tuesday circle"))).Value!;
        var b = (await f.Groups.CreateGroupAsync(new NewGroup("Friday circle"))).Value!;
        await f.Groups.AddMemberAsync(a.Id, "<b>Sam</b>");

        var other = await f.Groups.AddMemberAsync(b.Id, "<b>Sam</b>");

        Assert.Equal("<b>Sam</b>", other.Value!.Name);
    }

    [Fact]
    public async Task RenameAndLeave_UnknownMember_SayWhy()
    {
        await using var f = new SessionFixture();
        Assert.True((await f.Groups.RenameMemberAsync(Guid.NewGuid(), "Jo")).ErrorFor("Member")!.Is(InputProblem.MemberGone));
        Assert.True((await f.Groups.MarkMemberLeftAsync(Guid.NewGuid())).ErrorFor("Member")!.Is(InputProblem.MemberGone));
    }

    [Fact]
    public async Task ClosedGroup_IsNumberedSessionNOfM_AndRefusesAMeetingPastItsPlan()
    {
        await using var f = new SessionFixture();
        await f.AddFormatAsync(Format);
        var group = (await f.Groups.CreateGroupAsync(new NewGroup("Grief group", GroupKind.Closed, 2))).Value!;
        var ana = (await f.Groups.AddMemberAsync(group.Id, "Ana")).Value!;

        var first = await f.Groups.StartNewMeetingAsync(group.Id, "Short check-in", [ana.Id], ana.Id);
        await HoldAsync(f, first.Value!.Meeting);
        var second = await f.Groups.StartNewMeetingAsync(group.Id, "Short check-in", [ana.Id], ana.Id);
        await HoldAsync(f, second.Value!.Meeting);
        var third = await f.Groups.StartNewMeetingAsync(group.Id, "Short check-in", [ana.Id], ana.Id);

        Assert.Equal((1, (int?)2), (first.Value!.Number, first.Value.Of));
        Assert.Equal(2, second.Value!.Number);
        var full = third.ErrorFor("Group")!;
        Assert.True(full.Is(InputProblem.AllSessionsSetUp));
        Assert.Equal(("Grief group", (object?)2), (full.Args["Group"], full.Args["Max"]));
        var session = (await f.Sessions.GetAsync(second.Value.Meeting))!;
        Assert.Equal("Welcome, session 2 of 2", session.State.Agenda[0].Title);
        await using var db = f.Database.Contexts.CreateDbContext();
        Assert.Equal(2, db.Meetings.Count());
    }

    [Fact]
    public async Task StartNewMeeting_UnknownFormatOrStranger_IsRefused()
    {
        await using var f = new SessionFixture();
        await f.AddFormatAsync(Format);
        var group = (await f.Groups.CreateGroupAsync(new NewGroup("Tuesday circle"))).Value!;

        Assert.True((await f.Groups.StartNewMeetingAsync(group.Id, "No such format", [], null)).ErrorFor("Format")!.Is(InputProblem.FormatUnknown));
        Assert.True((await f.Groups.StartNewMeetingAsync(group.Id, "Short check-in", [Guid.NewGuid()], null)).ErrorFor("Participants")!.Is(InputProblem.NotAMember));
        Assert.True((await f.Groups.StartNewMeetingAsync(Guid.NewGuid(), "Short check-in", [], null)).ErrorFor("Group")!.Is(InputProblem.GroupGone));
    }

    [Fact]
    public async Task ChairRota_AcrossMeetings_ProposesWhoChairedLeastRecently_FromRecordedHistory()
    {
        await using var f = new SessionFixture();
        await f.AddFormatAsync(Format);
        var group = (await f.Groups.CreateGroupAsync(new NewGroup("Tuesday circle"))).Value!;
        var ana = (await f.Groups.AddMemberAsync(group.Id, "Ana", volunteersForChair: true)).Value!;
        f.Clock.Advance(TimeSpan.FromDays(1));
        var ben = (await f.Groups.AddMemberAsync(group.Id, "Ben", volunteersForChair: true)).Value!;
        f.Clock.Advance(TimeSpan.FromDays(1));
        var cai = (await f.Groups.AddMemberAsync(group.Id, "Cai", volunteersForChair: true)).Value!;

        // Nobody has chaired: the one who joined first is proposed.
        Assert.Equal("Ana", (await f.Groups.ProposeNextChairAsync(group.Id))!.Name);

        // Ana chairs, and hands over to Ben during the meeting: both go into the history.
        var meeting = (await f.Groups.StartNewMeetingAsync(group.Id, "Short check-in", [ana.Id, ben.Id, cai.Id], ana.Id)).Value!;
        var session = (await f.Sessions.GetAsync(meeting.Meeting))!;
        Assert.True((await session.SubmitAsync(new StartMeeting(CommandId.New()) { Actor = Actor.Facilitator })).IsAccepted);
        f.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.True((await session.SubmitAsync(new HandOverChair(CommandId.New(), new(ana.Id), new(ben.Id)) { Actor = Actor.Facilitator })).IsAccepted);

        Assert.Equal("Cai", (await f.Groups.ProposeNextChairAsync(group.Id))!.Name);
        Assert.Equal("Ana", (await f.Groups.ProposeNextChairAsync(group.Id, skipped: [cai.Id]))!.Name);

        await using var db = f.Database.Contexts.CreateDbContext();
        var history = db.ChairHistory.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.MemberId, c.Change }).ToList();
        Assert.Equal([(ana.Id, ChairChange.OfTheDay), (ben.Id, ChairChange.Handover)], history.Select(h => (h.MemberId, h.Change)));
        Assert.Equal(3, db.Attendance.Count(a => a.MeetingId == meeting.Meeting.Value));
    }

    [Fact]
    public async Task ChairRota_MemberWhoLeft_IsNotProposed()
    {
        await using var f = new SessionFixture();
        var group = (await f.Groups.CreateGroupAsync(new NewGroup("Tuesday circle"))).Value!;
        var ana = (await f.Groups.AddMemberAsync(group.Id, "Ana", volunteersForChair: true)).Value!;
        f.Clock.Advance(TimeSpan.FromDays(1));
        await f.Groups.AddMemberAsync(group.Id, "Ben", volunteersForChair: true);

        await f.Groups.MarkMemberLeftAsync(ana.Id);

        Assert.Equal("Ben", (await f.Groups.ProposeNextChairAsync(group.Id))!.Name);
    }

    [Fact]
    public async Task NewMeeting_BalancedOrder_UsesAirtimeFromTheGroupsRecentMeetings()
    {
        await using var f = new SessionFixture();
        await f.AddFormatAsync(Format);
        var group = (await f.Groups.CreateGroupAsync(new NewGroup("Tuesday circle"))).Value!;
        var ana = (await f.Groups.AddMemberAsync(group.Id, "Ana")).Value!;
        var ben = (await f.Groups.AddMemberAsync(group.Id, "Ben")).Value!;

        // Last week Ana spoke for four minutes and Ben not at all.
        var last = (await f.Sessions.GetAsync((await f.Groups.StartNewMeetingAsync(group.Id, "Short check-in", [ana.Id, ben.Id], ana.Id)).Value!.Meeting))!;
        await last.SubmitAsync(new StartMeeting(CommandId.New()) { Actor = Actor.Facilitator });
        await last.SubmitAsync(new NextItem(CommandId.New(), last.State.CurrentItemId) { Actor = Actor.Facilitator });
        await last.SubmitAsync(new RaiseHand(CommandId.New(), new(ana.Id)) { Actor = Actor.Facilitator });
        await last.SubmitAsync(new NextSpeaker(CommandId.New(), null) { Actor = Actor.Facilitator });
        f.Clock.Advance(TimeSpan.FromMinutes(4));
        await last.SubmitAsync(new EndMeeting(CommandId.New()) { Actor = Actor.Facilitator });

        var next = (await f.Sessions.GetAsync((await f.Groups.StartNewMeetingAsync(group.Id, "Short check-in", [ana.Id, ben.Id], ben.Id)).Value!.Meeting))!;

        Assert.Equal(TimeSpan.FromMinutes(4), next.State.RecentAirtime[new(ana.Id)]);
        await next.SubmitAsync(new StartMeeting(CommandId.New()) { Actor = Actor.Facilitator });
        await next.SubmitAsync(new NextItem(CommandId.New(), next.State.CurrentItemId) { Actor = Actor.Facilitator });
        await next.SubmitAsync(new RaiseHand(CommandId.New(), new(ana.Id)) { Actor = Actor.Facilitator });
        f.Clock.Advance(TimeSpan.FromSeconds(5));
        await next.SubmitAsync(new RaiseHand(CommandId.New(), new(ben.Id)) { Actor = Actor.Facilitator });
        Assert.Equal([ben.Id, ana.Id], next.State.SpeakerOrder(f.Clock.GetUtcNow()).Select(e => e.Participant.Value));
    }

    [Fact]
    public async Task StartNewMeeting_AbandonedSetUp_DoesNotUseUpAClosedGroupsSession()
    {
        await using var f = new SessionFixture();
        await f.AddFormatAsync(Format);
        var group = (await f.Groups.CreateGroupAsync(new NewGroup("Grief group", GroupKind.Closed, 1))).Value!;
        var ana = (await f.Groups.AddMemberAsync(group.Id, "Ana")).Value!;
        await using (var db = f.Database.Contexts.CreateDbContext())
        {
            // As left by a crash between creating the row and storing its set-up.
            db.Meetings.Add(new MeetingRecord { Id = Guid.NewGuid(), GroupId = group.Id, Number = 1, FormatName = "Short check-in", CreatedAt = f.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        f.Clock.Advance(GroupService.OrphanAge + TimeSpan.FromMinutes(1));
        var meeting = await f.Groups.StartNewMeetingAsync(group.Id, "Short check-in", [ana.Id], ana.Id);

        Assert.Equal(1, meeting.Value!.Number);
    }

    [Fact]
    public async Task RecentLedgers_DoNotKeepEndedMeetingsInMemory()
    {
        await using var f = new SessionFixture();
        await f.AddFormatAsync(Format);
        var group = (await f.Groups.CreateGroupAsync(new NewGroup("Tuesday circle"))).Value!;
        var ana = (await f.Groups.AddMemberAsync(group.Id, "Ana")).Value!;
        var first = (await f.Groups.StartNewMeetingAsync(group.Id, "Short check-in", [ana.Id], ana.Id)).Value!;
        await (await f.Sessions.GetAsync(first.Meeting))!.SubmitAsync(new EndMeeting(CommandId.New()) { Actor = Actor.Facilitator });
        await f.RestartAsync();

        var ledgers = await f.Groups.RecentLedgersAsync(group.Id);

        Assert.Equal(first.Meeting, Assert.Single(ledgers).Meeting);
        Assert.Equal(0, f.Sessions.Count);
    }

    [Fact]
    public async Task B8_AMeetingSetUpButNotStarted_CountsAsNoChairing()
    {
        await using var f = new SessionFixture();
        var group = await SeededGroup.CreateAsync(f, new NewGroup("Tuesday circle"), volunteers: true, "Ana", "Ben");

        var meeting = await group.SetUpMeetingAsync(f, chair: "Ana");

        Assert.Equal("Ana", (await f.Groups.ProposeNextChairAsync(group.Id))!.Name);
        await HoldAsync(f, meeting.Meeting, end: false);
        Assert.Equal("Ben", (await f.Groups.ProposeNextChairAsync(group.Id))!.Name);
    }

    [Fact]
    public async Task ChairHandedOverBeforeTheStart_OnlyTheChairTheMeetingStartsWithCounts_DatedAtTheStart()
    {
        await using var f = new SessionFixture();
        var group = await SeededGroup.CreateAsync(f, new NewGroup("Tuesday circle"), volunteers: true, "Ana", "Ben");
        var meeting = await group.SetUpMeetingAsync(f, chair: "Ana");
        var session = (await f.Sessions.GetAsync(meeting.Meeting))!;
        Assert.True((await session.SubmitAsync(new HandOverChair(CommandId.New(), new(group["Ana"].Id), new(group["Ben"].Id)) { Actor = Actor.Facilitator })).IsAccepted);
        f.Clock.Advance(TimeSpan.FromMinutes(10));

        await HoldAsync(f, meeting.Meeting, end: false);

        await using var db = f.Database.Contexts.CreateDbContext();
        var row = Assert.Single(db.ChairHistory.AsNoTracking().ToList());
        Assert.Equal((group["Ben"].Id, ChairChange.OfTheDay, f.Clock.GetUtcNow()), (row.MemberId, row.Change, row.At));
    }

    [Fact]
    public async Task B8_ACancelledMeeting_GivesItsSessionBack_LeavesTheList_AndCountsNoAttendanceNorChairing()
    {
        await using var f = new SessionFixture();
        var group = await SeededGroup.CreateAsync(f, new NewGroup("Grief group", GroupKind.Closed, 1), volunteers: true, "Ana");
        var set = await group.SetUpMeetingAsync(f, chair: "Ana");

        var outcome = await f.Groups.CancelMeetingAsync(set.Meeting);

        Assert.True(outcome!.IsAccepted);
        Assert.Empty(await f.Groups.MeetingsAsync(group.Id));
        Assert.Empty(await f.Groups.RecentMeetingsAsync());
        await using (var db = f.Database.Contexts.CreateDbContext())
        {
            Assert.Empty(db.Attendance.Where(a => a.MeetingId == set.Meeting.Value));
            Assert.Empty(db.ChairHistory.Where(c => c.MeetingId == set.Meeting.Value));
            Assert.Equal(MeetingPhase.Cancelled, db.Meetings.Single(m => m.Id == set.Meeting.Value).Phase);
        }

        // The one planned session is still there to hold.
        var again = await group.SetUpMeetingAsync(f, chair: "Ana");
        Assert.Equal((1, (int?)1), (again.Number, again.Of));
        Assert.Equal("Welcome, session 1 of 1", (await f.Sessions.GetAsync(again.Meeting))!.State.Agenda[0].Title);
    }

    [Fact]
    public async Task B8_ASecondSetUp_WhileAMeetingWaitsToStart_IsRefused_NamingTheWaitingOne()
    {
        await using var f = new SessionFixture();
        var group = await SeededGroup.CreateAsync(f, new NewGroup("Grief group", GroupKind.Closed, 8), volunteers: false, "Ana");
        await HoldAsync(f, (await group.SetUpMeetingAsync(f)).Meeting);
        await group.SetUpMeetingAsync(f);

        var second = await f.Groups.StartNewMeetingAsync(group.Id, SeededGroup.FormatName, [group["Ana"].Id], null);

        var waiting = second.ErrorFor("Group")!;
        Assert.True(waiting.Is(InputProblem.MeetingWaitingToStart));
        Assert.Equal(2, waiting.Args["Number"]);
        Assert.Equal(2, (await f.Groups.MeetingsAsync(group.Id)).Count);
    }

    [Fact]
    public async Task CancelMeeting_OnceStarted_IsRefused_AndTheMeetingStaysListed()
    {
        await using var f = new SessionFixture();
        var group = await SeededGroup.CreateAsync(f, new NewGroup("Tuesday circle"), volunteers: false, "Ana");
        var set = await group.SetUpMeetingAsync(f);
        await HoldAsync(f, set.Meeting, end: false);

        var outcome = await f.Groups.CancelMeetingAsync(set.Meeting);

        Assert.Equal(RefusalReason.MeetingAlreadyStarted, outcome!.Refusal!.Reason);
        Assert.Single(await f.Groups.MeetingsAsync(group.Id));
    }

    /// <summary>The meeting is held: started (and ended, unless not asked to).</summary>
    internal static async Task HoldAsync(SessionFixture f, MeetingId meeting, bool end = true)
    {
        var session = (await f.Sessions.GetAsync(meeting))!;
        Assert.True((await session.SubmitAsync(new StartMeeting(CommandId.New()) { Actor = Actor.Facilitator })).IsAccepted);
        if (end)
        {
            Assert.True((await session.SubmitAsync(new EndMeeting(CommandId.New()) { Actor = Actor.Facilitator })).IsAccepted);
        }
    }
}
