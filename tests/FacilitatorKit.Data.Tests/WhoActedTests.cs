using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Testing;
using Microsoft.Data.Sqlite;

namespace FacilitatorKit.Data.Tests;

/// <summary>Issue 12 §4: each stored event records the acting role and device id, and never a name.</summary>
public class WhoActedTests
{
    [Fact]
    public async Task StoredEvent_HasTheRoleAndTheDevice_AndNoName()
    {
        await using var f = new SessionFixture();
        var (session, people) = await f.NewMeetingAsync("Zelinda", "Ben");
        await session.SubmitAsync(new StartMeeting(CommandId.New()), Actor.Facilitator);
        var tablet = Guid.NewGuid();

        var outcome = await session.SubmitAsync(new RaiseHand(CommandId.New(), people[0].Id), Actor.CoFacilitator, tablet);

        Assert.True(outcome.IsAccepted);
        using var connection = f.Database.Open();
        using var query = connection.CreateCommand();
        query.CommandText = """SELECT * FROM "MeetingEvents" WHERE "MeetingId" = $meeting AND "Sequence" = $sequence;""";
        query.Parameters.AddWithValue("$meeting", session.Id.Value.ToString().ToUpperInvariant());
        query.Parameters.AddWithValue("$sequence", session.State.Version);
        using var row = query.ExecuteReader();
        Assert.True(row.Read());
        Assert.Equal("CoFacilitator", row["ActorRole"]);
        Assert.Equal(tablet, Guid.Parse((string)row["DeviceId"]));

        // The who-acted columns name a role and a device, nothing else: no column of the row holds the person's name
        // apart from the event's own data (which another change moves to ids).
        for (var i = 0; i < row.FieldCount; i++)
        {
            if (row.GetName(i) is not "Data")
            {
                Assert.DoesNotContain("Zelinda", row.GetValue(i)?.ToString() ?? "", StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task StoredEvent_SentOutsideAnyDevice_HasTheRoleAndNoDevice()
    {
        await using var f = new SessionFixture();
        var (session, _) = await f.NewMeetingAsync("Ana", "Ben");

        Assert.Equal(("Facilitator", (object)DBNull.Value), Who(f, session.Id, 1));
    }

    [Fact]
    public async Task Events_WithWhoActed_ReplayAfterARestart()
    {
        await using var f = new SessionFixture();
        var (session, _) = await f.NewMeetingAsync("Ana", "Ben");
        await session.SubmitAsync(new StartMeeting(CommandId.New()), Actor.Facilitator, Guid.NewGuid());

        await f.RestartAsync();
        var restored = (await f.Sessions.GetAsync(session.Id))!;

        Assert.Equal(MeetingPhase.Running, restored.State.Phase);
        Assert.Equal("Facilitator", Who(f, session.Id, restored.State.Version).Role);
        Assert.IsType<string>(Who(f, session.Id, restored.State.Version).Device);
    }

    private static (object Role, object Device) Who(SessionFixture f, MeetingId meeting, long sequence)
    {
        SqliteConnection.ClearAllPools();
        using var connection = f.Database.Open();
        using var query = connection.CreateCommand();
        query.CommandText = """SELECT "ActorRole", "DeviceId" FROM "MeetingEvents" WHERE "MeetingId" = $meeting AND "Sequence" = $sequence;""";
        query.Parameters.AddWithValue("$meeting", meeting.Value.ToString().ToUpperInvariant());
        query.Parameters.AddWithValue("$sequence", sequence);
        using var row = query.ExecuteReader();
        Assert.True(row.Read());
        return (row[0], row[1]);
    }
}
