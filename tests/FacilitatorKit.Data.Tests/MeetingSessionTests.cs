using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Data.Sessions;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Testing;

namespace FacilitatorKit.Data.Tests;

public class MeetingSessionTests
{
    private static readonly Actor Facilitator = Actor.Facilitator;

    [Fact]
    public async Task Submit_Accepted_IsStoredBeforeItIsAcknowledged()
    {
        await using var f = new SessionFixture();
        var (session, people) = await f.NewMeetingAsync("Ana", "Ben");

        var outcome = await session.SubmitAsync(new StartMeeting(CommandId.New()) { Actor = Facilitator });

        Assert.True(outcome.IsAccepted);
        Assert.Equal(session.State.Version, f.StoredEventCount(session.Id));
        Assert.Equal(MeetingPhase.Running, session.State.Phase);
        Assert.Equal(people.Select(p => p.Id), session.State.Participants.Select(p => p.Id));
    }

    [Fact]
    public async Task Restore_AfterRestart_EqualsTheLiveState_AndDeadlinesAreInstants()
    {
        await using var f = new SessionFixture();
        var (session, people) = await f.NewMeetingAsync("Ana", "Ben", "Cai");
        await session.SubmitAsync(new StartMeeting(CommandId.New()) { Actor = Facilitator });
        await session.SubmitAsync(new NextItem(CommandId.New(), session.State.CurrentItemId) { Actor = Facilitator }); // the check-in go-round
        await session.SubmitAsync(new NextSpeaker(CommandId.New(), null) { Actor = Facilitator });
        var live = session.State;

        await f.RestartAsync();
        f.Clock.Advance(TimeSpan.FromMinutes(5));
        var restored = (await f.Sessions.GetAsync(live.Id))!.State;

        Assert.Equal(live.Version, restored.Version);
        Assert.Equal(live.CurrentItemId, restored.CurrentItemId);
        Assert.Equal(live.CurrentTurn, restored.CurrentTurn);
        Assert.Equal(live.CurrentItem!.EndsAt, restored.CurrentItem!.EndsAt);
        Assert.Equal(live.SpeakerOrder(f.Clock.GetUtcNow()).Select(e => e.Participant), restored.SpeakerOrder(f.Clock.GetUtcNow()).Select(e => e.Participant));

        // Five minutes later the clock shows five minutes less: the deadline is an instant, not a countdown.
        var item = restored.CurrentItem!;
        Assert.Equal(TimeSpan.FromMinutes(15), item.Remaining(f.Clock.GetUtcNow()));
        Assert.Equal(people[1].Id, restored.CurrentTurn!.Participant);
    }

    [Fact]
    public async Task Retry_SameCommandIdAfterRestart_IsAppliedOnce()
    {
        await using var f = new SessionFixture();
        var (session, _) = await f.NewMeetingAsync("Ana", "Ben");
        await session.SubmitAsync(new StartMeeting(CommandId.New()) { Actor = Facilitator });
        // Adding an item is not idempotent by nature: only its command id can stop a second copy.
        var add = new AddAgendaItem(CommandId.New(), new AgendaItemPlan("Group business", AgendaItemKind.GroupBusiness, TimeSpan.FromMinutes(10))) { Actor = Facilitator };
        await session.SubmitAsync(add);
        var stored = f.StoredEventCount(session.Id);

        await f.RestartAsync();
        var again = await (await f.Sessions.GetAsync(session.Id))!.SubmitAsync(add);

        Assert.True(again.IsAccepted);
        Assert.Empty(again.Events);
        Assert.Equal(stored, f.StoredEventCount(session.Id));
        Assert.Equal(4, (await f.Sessions.GetAsync(session.Id))!.State.Agenda.Count);
    }

    [Fact]
    public async Task Retry_OfACommandWhoseItemIsGoneSince_IsStillAcknowledged_NotInvalid()
    {
        await using var f = new SessionFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");
        var remove = new RemoveAgendaItem(CommandId.New(), session.State.Agenda[^1].Id) { Actor = Facilitator };
        await session.SubmitAsync(remove);

        var again = await session.SubmitAsync(remove);

        Assert.Equal(CommandStatus.Accepted, again.Status);
        Assert.Empty(again.Events);
    }

    [Fact]
    public async Task Display_AskingAboutAnUnknownPerson_IsRefusedForItsRole_BeforeAnythingIsChecked()
    {
        await using var f = new SessionFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");

        var outcome = await session.SubmitAsync(new RaiseHand(CommandId.New(), ParticipantId.New()) { Actor = Actor.Display });

        Assert.Equal(CommandStatus.Refused, outcome.Status);
        Assert.Equal(RefusalCode.NotPermitted, outcome.Refusal!.Code);
    }

    [Fact]
    public async Task Refused_Command_WritesNothing_AndSaysWhy()
    {
        await using var f = new SessionFixture();
        var (session, _) = await f.NewMeetingAsync("Ana", "Ben");
        var before = f.StoredEventCount(session.Id);

        var outcome = await session.SubmitAsync(new StartMeeting(CommandId.New()) { Actor = Actor.CoFacilitator });

        Assert.Equal(CommandStatus.Refused, outcome.Status);
        Assert.Equal(RefusalCode.NotPermitted, outcome.Refusal!.Code);
        Assert.Equal(before, f.StoredEventCount(session.Id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("A name that is far too long to be a first name or alias")]
    [InlineData("Sam\nKay")]
    public async Task Invalid_Name_WritesNothing_AndGivesAFieldMessage(string name)
    {
        await using var f = new SessionFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");
        var before = f.StoredEventCount(session.Id);

        var outcome = await session.SubmitAsync(new AddParticipant(CommandId.New(), new Participant(ParticipantId.New(), name)) { Actor = Facilitator });

        Assert.Equal(CommandStatus.Invalid, outcome.Status);
        Assert.Contains(outcome.Errors!, e => e.Field == "Name");
        Assert.Equal(before, f.StoredEventCount(session.Id));
    }

    [Fact]
    public async Task Names_AreStoredExactlyAsTyped_NeverInterpreted()
    {
        await using var f = new SessionFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");
        await session.SubmitAsync(new AddParticipant(CommandId.New(), new Participant(ParticipantId.New(), "<b>Sam</b> & 'Jo'")) { Actor = Facilitator });

        await f.RestartAsync();
        var restored = (await f.Sessions.GetAsync(session.Id))!.State;

        Assert.Contains(restored.Participants, p => p.Name == "<b>Sam</b> & 'Jo'");
    }

    [Fact]
    public async Task TwoDevices_PressNextSpeakerTogether_AdvanceOnce()
    {
        await using var f = new SessionFixture();
        var (session, people) = await f.NewMeetingAsync("Ana", "Ben", "Cai");
        await session.SubmitAsync(new StartMeeting(CommandId.New()) { Actor = Facilitator });
        await session.SubmitAsync(new NextItem(CommandId.New(), session.State.CurrentItemId) { Actor = Facilitator });
        var seen = session.State.CurrentTurn?.Id;

        var both = await Task.WhenAll(
            session.SubmitAsync(new NextSpeaker(CommandId.New(), seen) { Actor = Actor.CoFacilitator }),
            session.SubmitAsync(new NextSpeaker(CommandId.New(), seen) { Actor = Facilitator }));

        Assert.Single(both, o => o.IsAccepted);
        Assert.Single(both, o => o.Refusal?.Code == RefusalCode.AlreadyChanged);
        Assert.Equal(people[1].Id, session.State.CurrentTurn!.Participant);
        Assert.Equal(session.State.Version, f.StoredEventCount(session.Id));
    }

    [Fact]
    public async Task Publish_HappensAfterSave_AndADisposedViewHearsNothing()
    {
        await using var f = new SessionFixture();
        var (session, _) = await f.NewMeetingAsync("Ana", "Ben");
        var stored = new List<long>();
        var heard = new List<long>();
        using (f.Host.Live.WatchMeeting(session.Id, s => { heard.Add(s.Version); stored.Add(f.StoredEventCount(s.Id)); }))
        {
            await session.SubmitAsync(new StartMeeting(CommandId.New()) { Actor = Facilitator });
        }

        await session.SubmitAsync(new EndMeeting(CommandId.New()) { Actor = Facilitator });

        var version = Assert.Single(heard);
        Assert.Equal(version, Assert.Single(stored));
        Assert.Equal(0, f.Host.Live.WatcherCount(session.Id));
    }

    [Fact]
    public async Task Publish_AViewThatThrows_DoesNotStopTheOthers()
    {
        await using var f = new SessionFixture();
        var (session, _) = await f.NewMeetingAsync("Ana", "Ben");
        var heard = 0;
        using var broken = f.Host.Live.WatchMeeting(session.Id, _ => throw new InvalidOperationException("a dead circuit"));
        using var healthy = f.Host.Live.WatchMeeting(session.Id, _ => heard++);

        var outcome = await session.SubmitAsync(new StartMeeting(CommandId.New()) { Actor = Facilitator });

        Assert.True(outcome.IsAccepted);
        Assert.Equal(1, heard);
    }

    [Fact]
    public async Task Meetings_RunInParallel_EachKeepsItsOwnSequence()
    {
        await using var f = new SessionFixture();
        var meetings = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => f.NewMeetingAsync("Ana", "Ben", "Cai")));

        await Task.WhenAll(meetings.Select(async m =>
        {
            var s = m.Session;
            await s.SubmitAsync(new StartMeeting(CommandId.New()) { Actor = Facilitator });
            foreach (var person in m.People)
            {
                await s.SubmitAsync(new RaiseHand(CommandId.New(), person.Id) { Actor = Facilitator });
            }
        }));

        foreach (var (session, people) in meetings)
        {
            Assert.Equal(session.State.Version, f.StoredEventCount(session.Id));
            Assert.Equal(people.Length, session.State.Queue.Count);
        }
    }

    [Fact]
    public async Task GetAsync_UnknownMeeting_IsNull()
    {
        await using var f = new SessionFixture();
        Assert.Null(await f.Sessions.GetAsync(MeetingId.New()));
    }
}

public class RestoreOnStartTests
{
    [Fact]
    public async Task RestoreInProgress_BringsBackMeetingsThatWereRunning_NotThoseThatEnded()
    {
        await using var f = new SessionFixture();
        var (running, _) = await f.NewMeetingAsync("Ana", "Ben");
        var (ended, _) = await f.NewMeetingAsync("Cai");
        await running.SubmitAsync(new StartMeeting(CommandId.New()) { Actor = Actor.Facilitator });
        await ended.SubmitAsync(new EndMeeting(CommandId.New()) { Actor = Actor.Facilitator });

        await f.RestartAsync();

        var report = await f.Sessions.RestoreInProgressAsync();

        Assert.Equal(1, report.Restored);
        Assert.Empty(report.Unreadable);
    }

    /// <summary>Issue 13 F6: one corrupt page in one meeting's log stopped the whole app from starting.</summary>
    [Fact]
    public async Task RestoreInProgress_LeavesOutAMeetingWhoseLogCannotBeRead_AndBringsBackTheOthers()
    {
        await using var f = new SessionFixture();
        var (sound, _) = await f.NewMeetingAsync("Ana", "Ben");
        var (damaged, _) = await f.NewMeetingAsync("Cai");
        await sound.SubmitAsync(new StartMeeting(CommandId.New()) { Actor = Actor.Facilitator });
        await damaged.SubmitAsync(new StartMeeting(CommandId.New()) { Actor = Actor.Facilitator });
        await using (var db = f.Database.Contexts.CreateDbContext())
        {
            var last = db.MeetingEvents.Where(e => e.MeetingId == damaged.State.Id.Value).Max(e => e.Sequence);
            db.MeetingEvents.Add(new Model.MeetingEventRecord
            {
                MeetingId = damaged.State.Id.Value, Sequence = last + 1, CommandId = Guid.NewGuid(), Type = "ScrambledPage", Data = "{\u0000", RecordedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        await f.RestartAsync();
        var report = await f.Sessions.RestoreInProgressAsync();

        Assert.Equal(1, report.Restored);
        Assert.Equal([damaged.State.Id], report.Unreadable);
        Assert.Equal(MeetingPhase.Running, (await f.Sessions.GetAsync(sound.State.Id))!.State.Phase);
    }
}
