using FacilitatorKit.Application.Groups;
using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Testing;

namespace FacilitatorKit.Data.Tests;

/// <summary>Issue 13 §6: a meeting whose log cannot be read is said as such, and never takes the others down with it.</summary>
public class UnreadableLogTests
{
    [Fact]
    public async Task Opening_AMeetingWhoseLogCannotBeRead_SaysSo_ByItsIdOnly()
    {
        await using var f = new SessionFixture();
        var (damaged, _) = await f.NewMeetingAsync("Zelinda");
        await DamageAsync(f, damaged.Id);
        await f.RestartAsync();

        var unreadable = await Assert.ThrowsAsync<MeetingLogUnreadableException>(() => f.Sessions.GetAsync(damaged.Id));

        Assert.Equal(damaged.Id, unreadable.Meeting);
        Assert.DoesNotContain("Zelinda", unreadable.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<MeetingLogUnreadableException>(() => f.Sessions.ReadAsync(damaged.Id));
    }

    [Fact]
    public async Task GroupBalance_LeavesOutAnEndedMeetingWhoseLogCannotBeRead_AndCountsTheOthers()
    {
        await using var f = new SessionFixture();
        var group = await SeededGroup.CreateAsync(f, new NewGroup("Tuesday circle"), volunteers: true, "Ana", "Ben");
        var ended = new List<MeetingId>();
        for (var i = 0; i < 2; i++)
        {
            var meeting = (await f.Sessions.GetAsync((await group.SetUpMeetingAsync(f, "Ana")).Meeting))!;
            await meeting.SubmitAsync(new StartMeeting(CommandId.New()), Actor.Facilitator);
            await meeting.SubmitAsync(new NextItem(CommandId.New(), meeting.State.CurrentItemId), Actor.Facilitator);
            await meeting.SubmitAsync(new RaiseHand(CommandId.New(), new(group["Ana"].Id)), Actor.Facilitator);
            await meeting.SubmitAsync(new NextSpeaker(CommandId.New(), null), Actor.Facilitator);
            f.Clock.Advance(TimeSpan.FromMinutes(2));
            Assert.True((await meeting.SubmitAsync(new EndMeeting(CommandId.New()), Actor.Facilitator)).IsAccepted);
            ended.Add(meeting.Id);
        }

        await DamageAsync(f, ended[0]);
        await f.RestartAsync();

        Assert.Equal(1, (await f.Groups.GroupBalanceAsync(group.Id)).Meetings);
    }

    private static async Task DamageAsync(SessionFixture f, MeetingId meeting)
    {
        await using var db = f.Database.Contexts.CreateDbContext();
        var last = db.MeetingEvents.Where(e => e.MeetingId == meeting.Value).Max(e => e.Sequence);
        db.MeetingEvents.Add(new Model.MeetingEventRecord
        {
            MeetingId = meeting.Value, Sequence = last + 1, CommandId = Guid.NewGuid(), Type = "ScrambledPage", Data = "{\u0000", RecordedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }
}
