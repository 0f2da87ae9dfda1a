using FacilitatorKit.Data.Schema;
using FacilitatorKit.Engine;
using Microsoft.EntityFrameworkCore;
using FacilitatorKit.Testing;

namespace FacilitatorKit.Data.Tests;

public class UpgradeTests
{
    [Fact]
    public void Upgrade_FromSchema1WithData_KeepsEveryRow()
    {
        using var temp = new TempDatabase();
        using (var connection = temp.Open())
        {
            SchemaMigrator.Migrate(connection, target: 1);
            StoreSetup.Execute(connection, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "schema1-data.sql")));
        }

        StoreSetup.Initialize(temp.ConnectionString);

        using var db = new FacilitatorKitDb(StoreSetup.Options(temp.ConnectionString));
        var group = Assert.Single(db.Groups.AsNoTracking());
        Assert.Equal(("Tuesday circle", FacilitatorKit.Application.Groups.GroupKind.Closed, (int?)8, false), (group.Name, group.Kind, group.PlannedSessions, group.SoftChime));
        Assert.Equal(["<b>Sam</b>", "Ana"], db.Members.AsNoTracking().OrderByDescending(m => m.JoinedAt).Select(m => m.Name).ToList());
        var meeting = Assert.Single(db.Meetings.AsNoTracking());
        Assert.Equal((MeetingPhase.Running, 2L), (meeting.Phase, meeting.LastSequence));
        Assert.Equal([1L, 2L], db.MeetingEvents.AsNoTracking().OrderBy(e => e.Sequence).Select(e => e.Sequence).ToList());
        Assert.Empty(db.Notes);

        using var check = temp.Open();
        Assert.Equal(SchemaMigrator.LatestVersion, SchemaMigrator.CurrentVersion(check));
    }
}
