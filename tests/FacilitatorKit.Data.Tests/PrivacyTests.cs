using System.Text;
using FacilitatorKit.Application.Groups;
using FacilitatorKit.Application.Notes;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Application.Validation;
using FacilitatorKit.Data.Events;
using FacilitatorKit.Data.Schema;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FacilitatorKit.Data.Tests;

/// <summary>Issue 13 §4, "privacy that really deletes" (DOMAIN.md rule 9).</summary>
public class PrivacyTests
{
    /// <summary>
    /// The canary. A member with a unique name comes to two meetings (speaks at the first, arrives late to the second),
    /// a unique note is written, the member is renamed once; then the member and the first meeting (with its note) are
    /// deleted. Neither name nor the note is anywhere in the bytes of the database file, its WAL or its shared memory,
    /// in UTF-8 or UTF-16, while the second meeting, which still holds the member by id, reads them as "Removed member".
    /// It fails without the names kept apart from the log (the second meeting's log would still hold them) and without
    /// the checkpoint and VACUUM after a deletion (the WAL would still hold them).
    /// </summary>
    [Fact]
    public async Task ADeletedMember_AndADeletedMeeting_LeaveNoTraceInTheFiles()
    {
        await using var f = new SessionFixture();
        // The app's connection pool keeps a connection open, so the WAL file stays (the last connection to close would
        // checkpoint and remove it, which the test fixture's unpooled connections otherwise do after every operation).
        using var asTheAppKeepsIt = f.Database.Open();
        StoreSetup.Execute(asTheAppKeepsIt, "SELECT count(*) FROM \"Groups\";"); // SQLite opens the file at the first statement
        var unique = Guid.NewGuid().ToString("N")[..10];
        var firstName = "Qz" + unique;
        var secondName = "Wy" + unique;
        var noteText = "Vx" + unique + " will bring the leaflets";
        var group = await SeededGroup.CreateAsync(f, new NewGroup("Canary circle", GroupKind.Open, null), volunteers: true, firstName, "Bea");
        var canary = group[firstName];

        // Meeting 1: the canary chairs, raises a hand and speaks; a note is saved.
        var first = (await f.Groups.StartNewMeetingAsync(group.Id, SeededGroup.FormatName, [canary.Id, group["Bea"].Id], canary.Id)).Value!;
        var session = (await f.Sessions.GetAsync(first.Meeting))!;
        var me = Actor.Facilitator;
        Assert.True((await session.SubmitAsync(new StartMeeting(CommandId.New()) { Actor = me })).IsAccepted);
        Assert.True((await session.SubmitAsync(new NextItem(CommandId.New(), session.State.CurrentItemId) { Actor = me })).IsAccepted);
        Assert.True((await session.SubmitAsync(new RaiseHand(CommandId.New(), new ParticipantId(canary.Id)) { Actor = me })).IsAccepted);
        Assert.True((await session.SubmitAsync(new NextSpeaker(CommandId.New(), null) { Actor = me })).IsAccepted);
        Assert.Equal(firstName, session.State.NameOf(session.State.CurrentTurn!.Participant));
        f.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True((await session.SubmitAsync(new EndTurn(CommandId.New(), session.State.CurrentTurn!.Id) { Actor = me })).IsAccepted);
        Assert.Equal(NoteSaveStatus.Saved, (await f.Notes.SaveAsync(me, first.Meeting, 1, noteText, 0)).Status);
        Assert.True((await session.SubmitAsync(new EndMeeting(CommandId.New()) { Actor = me })).IsAccepted);

        // Meeting 2: Bea from the start, the canary arrives late (as the member) and raises a hand.
        var second = (await f.Groups.StartNewMeetingAsync(group.Id, SeededGroup.FormatName, [group["Bea"].Id], group["Bea"].Id)).Value!;
        var later = (await f.Sessions.GetAsync(second.Meeting))!;
        Assert.True((await later.SubmitAsync(new StartMeeting(CommandId.New()) { Actor = me })).IsAccepted);
        Assert.True((await later.SubmitAsync(new AddParticipant(CommandId.New(), new Participant(new ParticipantId(canary.Id), firstName)) { Actor = me })).IsAccepted);
        Assert.True((await later.SubmitAsync(new RaiseHand(CommandId.New(), new ParticipantId(canary.Id)) { Actor = me })).IsAccepted);
        Assert.True((await later.SubmitAsync(new EndMeeting(CommandId.New()) { Actor = me })).IsAccepted);

        // A rename: the old name must go too, from the member's row and from the meetings that knew them by it.
        Assert.True((await f.Groups.RenameMemberAsync(canary.Id, secondName)).IsValid);
        f.Sessions.Release(second.Meeting);
        Assert.Contains((await f.Sessions.ReadAsync(second.Meeting)).Participants, p => p.Name == secondName);

        Assert.Null(await f.Groups.DeleteMemberAsync(canary.Id));
        Assert.Null(await f.Groups.DeleteMeetingAsync(first.Meeting));

        foreach (var file in new[] { f.Database.Path, f.Database.Path + "-wal", f.Database.Path + "-shm" }.Where(File.Exists))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var secret in new[] { firstName, secondName, noteText, unique })
            {
                foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode, Encoding.BigEndianUnicode })
                {
                    Assert.True(bytes.AsSpan().IndexOf(encoding.GetBytes(secret)) < 0, $"{Path.GetFileName(file)} still holds a deleted text ({encoding.WebName})");
                }
            }
        }

        // The meeting that is kept still has the person, by id, and reads them as "Removed member".
        var kept = await f.Sessions.ReadAsync(second.Meeting);
        var removed = kept.FindParticipant(new ParticipantId(canary.Id))!;
        Assert.Equal(Participant.RemovedName, removed.Name);
        Assert.Equal("Bea", kept.NameOf(new ParticipantId(group["Bea"].Id)));
        Assert.Null(await f.Sessions.GetAsync(first.Meeting));
        await using var db = f.Database.Contexts.CreateDbContext();
        Assert.Empty(db.Attendance.Where(a => a.MemberId == canary.Id));
        Assert.Empty(db.ChairHistory.Where(c => c.MemberId == canary.Id));
        Assert.Empty(db.ParticipantNames.Where(n => n.ParticipantId == canary.Id));
    }

    /// <summary>
    /// What a deletion leaves in the file's free space when secure_delete was off (issue 13 F4: a file written by an
    /// earlier version) is gone after the next deletion too: the VACUUM rebuilds the file from the live rows only.
    /// (With secure_delete on, the checkpoint alone would clear what the canary above looks for.)
    /// </summary>
    [Fact]
    public async Task ADeletion_AlsoClearsWhatAnEarlierVersionLeftInTheFilesFreeSpace()
    {
        using var temp = new TempDatabase();
        StoreSetup.Initialize(temp.ConnectionString);
        var leftOver = "Lo" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = temp.Open())
        {
            StoreSetup.Execute(connection, "PRAGMA secure_delete = OFF;");
            // Enough rows to fill pages of their own, which the delete puts on the free list as they were.
            for (var i = 0; i < 200; i++)
            {
                Insert(connection, """INSERT INTO "Formats" ("Name", "Json", "BuiltIn") VALUES ($1, $2, 0);""", $"Old {i}", leftOver + new string('.', 1000));
            }

            Insert(connection, """DELETE FROM "Formats";""");
        }

        SqliteConnection.ClearAllPools();
        Assert.True(Holds(temp.Path, leftOver), "The test needs the name left in the file's free space by a delete without secure_delete.");

        await using (var host = StoreHost.Open(temp.ConnectionString))
        {
            var group = (await host.Groups.CreateGroupAsync(new NewGroup("New circle", GroupKind.Open, null))).Value!;
            var ana = (await host.Groups.AddMemberAsync(group.Id, "Ana")).Value!;
            Assert.Null(await host.Groups.DeleteMemberAsync(ana.Id));
        }

        SqliteConnection.ClearAllPools();
        Assert.False(Holds(temp.Path, leftOver), "The file still holds a name deleted before secure_delete was on.");
    }

    private static bool Holds(string database, string text) =>
        new[] { database, database + "-wal" }.Where(File.Exists).Any(f => File.ReadAllBytes(f).AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0);

    [Fact]
    public async Task DeletingAGroup_RemovesEverythingOfIt_AndReleasesItsMeetingInProgress()
    {
        await using var f = new SessionFixture();
        var group = await SeededGroup.CreateAsync(f, new NewGroup("Gone circle", GroupKind.Closed, 4), volunteers: true, "Ana", "Ben");
        var otherGroup = (await f.Groups.CreateGroupAsync(new NewGroup("Kept circle", GroupKind.Open, null))).Value!;
        var other = new SeededGroup(otherGroup, [(await f.Groups.AddMemberAsync(otherGroup.Id, "Cai", true)).Value!]);
        var held = await group.SetUpMeetingAsync(f, chair: "Ana");
        await GroupServiceTests.HoldAsync(f, held.Meeting, end: false); // still running, in memory
        await f.Notes.SaveAsync(Actor.Facilitator, held.Meeting, 1, "Decided: tea", 0);
        var kept = await other.SetUpMeetingAsync(f, chair: "Cai");

        Assert.Null(await f.Groups.DeleteGroupAsync(group.Id));

        Assert.Null(await f.Groups.GroupAsync(group.Id));
        Assert.Null(await f.Sessions.GetAsync(held.Meeting)); // released, and not restored: there is no such meeting
        await using var db = f.Database.Contexts.CreateDbContext();
        Assert.Empty(db.Members.Where(m => m.GroupId == group.Id));
        Assert.Empty(db.MeetingEvents.Where(e => e.MeetingId == held.Meeting.Value));
        Assert.Empty(db.Notes.Where(n => n.MeetingId == held.Meeting.Value));
        Assert.Empty(db.ParticipantNames.Where(n => n.MeetingId == held.Meeting.Value));
        Assert.Empty(db.ChairHistory.Where(c => c.GroupId == group.Id));
        Assert.Empty(db.Attendance.Where(a => a.MeetingId == held.Meeting.Value));
        Assert.Equal("Cai", (await f.Sessions.ReadAsync(kept.Meeting)).Participants.Single().Name);
        Assert.True((await f.Groups.DeleteGroupAsync(group.Id))!.Is(InputProblem.GroupGone));
    }

    [Fact]
    public async Task OnlyTheFacilitator_MayDelete()
    {
        await using var f = new SessionFixture();
        var group = await SeededGroup.CreateAsync(f, new NewGroup("Circle", GroupKind.Open, null), volunteers: true, "Ana");
        var meeting = await group.SetUpMeetingAsync(f);

        foreach (var actor in new Actor?[] { Actor.CoFacilitator, Actor.Display, Actor.Member(new ParticipantId(group["Ana"].Id)), null })
        {
            var (member, gathering, whole, retention) = await f.Host.As(actor, async s =>
            {
                var groups = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<GroupService>(s);
                return (await groups.DeleteMemberAsync(group["Ana"].Id), await groups.DeleteMeetingAsync(meeting.Meeting),
                    await groups.DeleteGroupAsync(group.Id), await groups.SetNotesRetentionAsync(group.Id, 6));
            });
            foreach (var refusal in new[] { member, gathering, whole, retention.Errors.SingleOrDefault() })
            {
                Assert.Equal(RefusalReason.RoleMayNot, refusal?.Refusal?.Reason);
            }
        }

        Assert.NotNull(await f.Groups.GroupAsync(group.Id));
        Assert.NotNull(await f.Sessions.GetAsync(meeting.Meeting));
        Assert.Single(await f.Groups.MembersAsync(group.Id));
    }

    /// <summary>A member in a meeting that has not ended is not deleted from under it: the facilitator is told to wait until it ends.</summary>
    [Fact]
    public async Task AMemberInAMeetingInProgress_IsDeletedOnlyAfterItEnds()
    {
        await using var f = new SessionFixture();
        var group = await SeededGroup.CreateAsync(f, new NewGroup("Circle", GroupKind.Open, null), volunteers: true, "Ana", "Ben");
        var meeting = await group.SetUpMeetingAsync(f);

        var refused = await f.Groups.DeleteMemberAsync(group["Ana"].Id);

        Assert.True(refused!.Is(InputProblem.MemberInMeetingInProgress));
        Assert.Equal(2, (await f.Groups.MembersAsync(group.Id)).Count);
        await GroupServiceTests.HoldAsync(f, meeting.Meeting);
        Assert.Null(await f.Groups.DeleteMemberAsync(group["Ana"].Id));
        Assert.Equal(["Ben"], (await f.Groups.MembersAsync(group.Id)).Select(m => m.Name));
        Assert.Equal([Participant.RemovedName, "Ben"], (await f.Sessions.ReadAsync(meeting.Meeting)).Participants.Select(p => p.Name));
    }

    /// <summary>
    /// Schema 6 on a database written before it: the names in the log move to ParticipantNames (a member's linked to
    /// the member, a guest's not), the events keep everything else, the append-only trigger is back, the meeting reads
    /// as before, and the old JSON with the names is gone from the file.
    /// </summary>
    [Fact]
    public async Task Schema6_MovesTheNamesAlreadyInTheLog_OutOfIt()
    {
        using var temp = new TempDatabase();
        var unique = Guid.NewGuid().ToString("N")[..10];
        var memberName = "Mq" + unique;
        var guestName = "Gq" + unique;
        var groupId = Guid.NewGuid();
        var member = new ParticipantId(Guid.NewGuid());
        var guest = new ParticipantId(Guid.NewGuid());
        var meeting = MeetingId.New();
        var setUp = new MeetingSetUp(meeting, SessionFixture.Start, SessionFixture.Format.Name, [.. SessionFixture.Format.Items],
            [new Participant(member, memberName)], member, System.Collections.Immutable.ImmutableDictionary<ParticipantId, TimeSpan>.Empty);
        var added = new ParticipantAdded(new Participant(guest, guestName, ParticipantKind.Guest), 1);
        using (var connection = temp.Open())
        {
            SchemaMigrator.Migrate(connection, target: 5);
            StoreSetup.Execute(connection, "PRAGMA journal_mode = WAL;");
            Insert(connection, """INSERT INTO "Groups" ("Id", "Name", "Kind", "CreatedAt") VALUES ($1, 'Old circle', 'Open', 0);""", Id(groupId));
            Insert(connection, """INSERT INTO "Members" ("Id", "GroupId", "Name", "VolunteersForChair", "Enrolled", "HasLeft", "JoinedAt") VALUES ($1, $2, $3, 1, 0, 0, 0);""", Id(member.Value), Id(groupId), memberName);
            Insert(connection, """INSERT INTO "Meetings" ("Id", "GroupId", "Number", "FormatName", "Phase", "CreatedAt", "LastSequence") VALUES ($1, $2, 1, 'Short check-in', 'Gathering', 0, 2);""", Id(meeting.Value), Id(groupId));
            Insert(connection, """INSERT INTO "MeetingEvents" VALUES ($1, 1, $2, 'MeetingSetUp', $3, 0);""", Id(meeting.Value), Id(Guid.NewGuid()), Legacy(setUp));
            Insert(connection, """INSERT INTO "MeetingEvents" VALUES ($1, 2, $2, 'ParticipantAdded', $3, 0);""", Id(meeting.Value), Id(Guid.NewGuid()), Legacy(added));
        }

        SqliteConnection.ClearAllPools();
        StoreSetup.Initialize(temp.ConnectionString);

        using (var db = new FacilitatorKitDb(StoreSetup.Options(temp.ConnectionString)))
        {
            var names = db.ParticipantNames.AsNoTracking().AsEnumerable().Select(n => (n.ParticipantId, n.MemberId, n.Name)).ToList();
            Assert.Equal(2, names.Count);
            Assert.Contains((member.Value, (Guid?)member.Value, memberName), names);
            Assert.Contains((guest.Value, (Guid?)null, guestName), names);
            Assert.All(db.MeetingEvents.AsNoTracking().Select(e => e.Data).ToList(), data => Assert.DoesNotContain(unique, data, StringComparison.Ordinal));
            db.Database.OpenConnection();
            Assert.Throws<SqliteException>(() => db.Database.ExecuteSqlRaw("""UPDATE "MeetingEvents" SET "RecordedAt" = 1;"""));
        }

        await using (var host = StoreHost.Open(temp.ConnectionString))
        {
            var state = await host.Sessions.ReadAsync(meeting);
            Assert.Equal([memberName, guestName], state.Participants.Select(p => p.Name)); // in seating order
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { temp.Path, temp.Path + "-wal" }.Where(File.Exists))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes($"\"name\":\"{memberName}\"")) < 0, $"{Path.GetFileName(file)} still holds the old event with the name");
        }
    }

    private static string Id(Guid id) => id.ToString().ToUpperInvariant();

    // An event as written before schema 6: each participant with its name.
    private static string Legacy(MeetingEvent e)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(EventJson.Serialize(e))!.AsObject();
        foreach (var p in EventJson.PeopleIn(e))
        {
            var node = json["participants"] is System.Text.Json.Nodes.JsonArray all
                ? all.Select(x => x!.AsObject()).Single(x => x["id"]!.GetValue<Guid>() == p.Id.Value)
                : json["participant"]!.AsObject();
            node["name"] = p.Name;
        }

        return json.ToJsonString();
    }

    private static void Insert(SqliteConnection connection, string sql, params object[] values)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue($"${i + 1}", values[i]);
        }

        command.ExecuteNonQuery();
    }
}
