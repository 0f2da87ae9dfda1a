using FacilitatorKit.Application.Groups;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Chair;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Testing;

namespace FacilitatorKit.Data.Tests;

/// <summary>Issue 13 §3: attendance was written but never shown, late members were missing, and the chair history was never shown.</summary>
public class GroupRecordsTests
{
    [Fact]
    public async Task TheAttendanceRegister_ListsTheSessionsHeld_WithWhoCame_LateArrivalsIncluded()
    {
        await using var f = new SessionFixture();
        var group = await SeededGroup.CreateAsync(f, new NewGroup("Grief group", GroupKind.Closed, 8), volunteers: true, "Ana", "Ben", "Cai");

        // Session 1: Ana and Ben from the start, Cai arrives late, as herself.
        var first = (await f.Groups.StartNewMeetingAsync(group.Id, SeededGroup.FormatName, [group["Ana"].Id, group["Ben"].Id], group["Ana"].Id)).Value!;
        await GroupServiceTests.HoldAsync(f, first.Meeting, end: false);
        var session = (await f.Sessions.GetAsync(first.Meeting))!;
        var late = new Participant(new ParticipantId(group["Cai"].Id), "Cai");
        Assert.True((await session.SubmitAsync(new AddParticipant(CommandId.New(), late) { Actor = Actor.Facilitator })).IsAccepted);
        Assert.True((await session.SubmitAsync(new EndMeeting(CommandId.New()) { Actor = Actor.Facilitator })).IsAccepted);

        // Session 2: only Ben; set up and held. A third, set up and never started, is no session.
        var second = (await f.Groups.StartNewMeetingAsync(group.Id, SeededGroup.FormatName, [group["Ben"].Id], group["Ben"].Id)).Value!;
        await GroupServiceTests.HoldAsync(f, second.Meeting);
        await group.SetUpMeetingAsync(f, chair: "Cai");

        var register = await f.Groups.AttendanceRegisterAsync(group.Id);

        Assert.Equal([1, 2], register.Sessions.Select(s => s.Number));
        Assert.Equal(["Ana", "Ben", "Cai"], register.Members.Select(m => m.Name));
        Assert.Equal(
            [(true, false), (true, true), (true, false)],
            register.Members.Select(m => (register.Came(first.Meeting.Value, m.Id), register.Came(second.Meeting.Value, m.Id))));
        Assert.Equal([1, 2, 1], register.Members.Select(m => register.Attended(m.Id)));
    }

    [Fact]
    public async Task TheChairHistory_SaysWhoChairedEachMeetingHeld_AndEveryHandover_OldestFirst()
    {
        await using var f = new SessionFixture();
        var group = await SeededGroup.CreateAsync(f, new NewGroup("Tuesday circle"), volunteers: true, "Ana", "Ben", "Cai");
        var first = await group.SetUpMeetingAsync(f, chair: "Ana");
        await GroupServiceTests.HoldAsync(f, first.Meeting, end: false);
        f.Clock.Advance(TimeSpan.FromMinutes(30));
        var session = (await f.Sessions.GetAsync(first.Meeting))!;
        Assert.True((await session.SubmitAsync(new HandOverChair(CommandId.New(), new(group["Ana"].Id), new(group["Ben"].Id)) { Actor = Actor.Facilitator })).IsAccepted);
        Assert.True((await session.SubmitAsync(new EndMeeting(CommandId.New()) { Actor = Actor.Facilitator })).IsAccepted);
        f.Clock.Advance(TimeSpan.FromDays(7));
        var second = await group.SetUpMeetingAsync(f, chair: "Cai");
        await GroupServiceTests.HoldAsync(f, second.Meeting);
        f.Clock.Advance(TimeSpan.FromDays(7));
        await group.SetUpMeetingAsync(f, chair: "Ana"); // set up, never started: chairs nobody yet

        var history = await f.Groups.ChairHistoryAsync(group.Id);

        Assert.Equal(
            [(1, group["Ana"].Id, false), (1, group["Ben"].Id, true), (2, group["Cai"].Id, false)],
            history.Select(t => (t.MeetingNumber, t.Member, t.IsHandover)));
    }
}
