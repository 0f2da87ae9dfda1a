using System.Text.Json;
using FacilitatorKit.Application.Groups;
using FacilitatorKit.Application.Retention;
using FacilitatorKit.Application.Validation;
using FacilitatorKit.Data.Export;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FacilitatorKit.Data.Tests;

/// <summary>Issue 13 §4: a group can take its data away (export) and choose how long notes are kept (retention).</summary>
public class GroupDataTests
{
    [Fact]
    public async Task Retention_IsOffByDefault_AndDeletesOnlyTheNotesOfMeetingsOlderThanTheGroupsChoice_Daily()
    {
        await using var f = new SessionFixture();
        var keeping = await SeededGroup.CreateAsync(f, new NewGroup("Keeps notes", GroupKind.Open, null), volunteers: true, "Ana");
        var otherGroup = (await f.Groups.CreateGroupAsync(new NewGroup("Six months", GroupKind.Open, null))).Value!;
        var sixMonths = new SeededGroup(otherGroup, [(await f.Groups.AddMemberAsync(otherGroup.Id, "Ben", true)).Value!]);
        Assert.Null(keeping.Group.NotesRetentionMonths); // off by default

        var kept = await keeping.SetUpMeetingAsync(f);
        await GroupServiceTests.HoldAsync(f, kept.Meeting);
        var expiring = await sixMonths.SetUpMeetingAsync(f);
        await GroupServiceTests.HoldAsync(f, expiring.Meeting);
        await f.Notes.SaveAsync(Actor.Facilitator, kept.Meeting, 1, "Decided: tea", 0);
        await f.Notes.SaveAsync(Actor.Facilitator, expiring.Meeting, 1, "Decided: biscuits", 0);
        Assert.True((await f.Groups.SetNotesRetentionAsync(sixMonths.Id, 6)).IsValid);
        Assert.Equal(6, (await f.Groups.GroupAsync(sixMonths.Id))!.NotesRetentionMonths);

        using var retention = f.Host.Services.GetRequiredService<NoteRetention>();
        retention.Start();
        f.Clock.Advance(NoteRetention.AfterStart);
        await retention.Last;
        f.Clock.Advance(TimeSpan.FromDays(150));
        await retention.Last;
        Assert.Equal("Decided: biscuits", (await f.Notes.GetAsync(Actor.Facilitator, expiring.Meeting, 1)).Text); // five months: kept

        f.Clock.Advance(TimeSpan.FromDays(35)); // six months and some days after the meeting: the next daily sweep
        await retention.Last;
        Assert.Equal("", (await f.Notes.GetAsync(Actor.Facilitator, expiring.Meeting, 1)).Text);
        Assert.Equal("Decided: tea", (await f.Notes.GetAsync(Actor.Facilitator, kept.Meeting, 1)).Text); // the group without retention keeps its notes
        Assert.NotNull(await f.Sessions.GetAsync(expiring.Meeting)); // only the notes go: the meeting stays

        // Off again: nothing more is deleted.
        Assert.True((await f.Groups.SetNotesRetentionAsync(sixMonths.Id, null)).IsValid);
        Assert.Null((await f.Groups.GroupAsync(sixMonths.Id))!.NotesRetentionMonths);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(GroupService.MaxRetentionMonths + 1)]
    public async Task Retention_OutOfRange_IsRefused(int months)
    {
        await using var f = new SessionFixture();
        var group = await SeededGroup.CreateAsync(f, new NewGroup("Circle", GroupKind.Open, null), volunteers: true, "Ana");

        var result = await f.Groups.SetNotesRetentionAsync(group.Id, months);

        Assert.True(result.Errors.Single().Is(InputProblem.RetentionOutOfRange));
        Assert.Null((await f.Groups.GroupAsync(group.Id))!.NotesRetentionMonths);
    }

    [Fact]
    public async Task Export_JsonHoldsEverythingTheGroupOwns_WithNames_AndMarkdownIsReadable_WithoutAirtime()
    {
        await using var f = new SessionFixture();
        var group = await SeededGroup.CreateAsync(f, new NewGroup("Tuesday circle", GroupKind.Closed, 8), volunteers: true, "Ana", "Ben");
        var meeting = await group.SetUpMeetingAsync(f, chair: "Ana");
        var session = (await f.Sessions.GetAsync(meeting.Meeting))!;
        var me = Actor.Facilitator;
        Assert.True((await session.SubmitAsync(new StartMeeting(CommandId.New()) { Actor = me })).IsAccepted);
        Assert.True((await session.SubmitAsync(new Engine.Agenda.NextItem(CommandId.New(), session.State.CurrentItemId) { Actor = me })).IsAccepted);
        Assert.True((await session.SubmitAsync(new RaiseHand(CommandId.New(), new ParticipantId(group["Ben"].Id)) { Actor = me })).IsAccepted);
        Assert.True((await session.SubmitAsync(new NextSpeaker(CommandId.New(), null) { Actor = me })).IsAccepted);
        f.Clock.Advance(TimeSpan.FromSeconds(95));
        Assert.True((await session.SubmitAsync(new EndMeeting(CommandId.New()) { Actor = me })).IsAccepted);
        await f.Notes.SaveAsync(me, meeting.Meeting, 2, "Action: Ben brings the leaflets", 0);
        var export = f.Host.Services.GetRequiredService<GroupExport>();

        using var json = JsonDocument.Parse((await export.JsonAsync(group.Id))!);
        var root = json.RootElement;
        Assert.Equal("Tuesday circle", root.GetProperty("group").GetProperty("name").GetString());
        Assert.Equal(["Ana", "Ben"], root.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        var held = root.GetProperty("meetings").EnumerateArray().Single();
        Assert.Equal(["Ana", "Ben"], held.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(2, held.GetProperty("attendance").GetArrayLength());
        Assert.Equal("Ana", held.GetProperty("chairHistory")[0].GetProperty("name").GetString());
        Assert.Equal("Action: Ben brings the leaflets", held.GetProperty("notes")[0].GetProperty("text").GetString());
        var setUp = held.GetProperty("events").EnumerateArray().First(e => e.GetProperty("type").GetString() == "MeetingSetUp");
        Assert.Equal("Ana", setUp.GetProperty("data").GetProperty("participants")[0].GetProperty("name").GetString());
        Assert.Contains(held.GetProperty("events").EnumerateArray(), e => e.GetProperty("type").GetString() == "TurnEnded"); // JSON: everything

        var md = (await export.MarkdownAsync(group.Id))!;
        Assert.StartsWith("# Tuesday circle", md, StringComparison.Ordinal);
        Assert.Contains("- Ana (chair rota volunteer)", md, StringComparison.Ordinal);
        Assert.Contains("### Meeting 1 of 8", md, StringComparison.Ordinal);
        Assert.Contains("- Chair: Ana", md, StringComparison.Ordinal);
        Assert.Contains("- Who came: Ana, Ben", md, StringComparison.Ordinal);
        Assert.Contains("#### Open discussion", md, StringComparison.Ordinal);
        Assert.Contains("Action: Ben brings the leaflets", md, StringComparison.Ordinal);
        Assert.DoesNotContain("airtime", md, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1:35", md, StringComparison.Ordinal);
        Assert.DoesNotContain("95", md, StringComparison.Ordinal);

        Assert.Equal("tuesday-circle-export.md", GroupExport.FileName(group.Group, "md"));
        Assert.Null(await export.JsonAsync(Guid.NewGuid()));
    }
}
