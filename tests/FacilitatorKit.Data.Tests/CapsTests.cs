using FacilitatorKit.Application.Groups;
using FacilitatorKit.Application.Validation;
using FacilitatorKit.Engine;
using FacilitatorKit.Testing;

namespace FacilitatorKit.Data.Tests;

/// <summary>Issue 12 §6 and F7: 150 groups were accepted in seconds, with no end. Groups and members have a cap, each a calm refusal.</summary>
public class CapsTests
{
    [Fact]
    public async Task CreateGroup_WhenThereAreAlreadyAsManyAsTheCap_IsRefused_AndWritesNothing()
    {
        await using var f = new SessionFixture();
        await AddGroupsAsync(f, Limits.Groups - 1);
        Assert.True((await f.Groups.CreateGroupAsync(new NewGroup("The last one", GroupKind.Open, null))).IsValid);

        var refused = await f.Groups.CreateGroupAsync(new NewGroup("One more", GroupKind.Open, null));

        var error = refused.ErrorFor("Name");
        Assert.NotNull(error);
        Assert.True(error.Is(InputProblem.TooManyGroups));
        Assert.Equal(Limits.Groups, error.Args["Max"]);
        Assert.Equal(Limits.Groups, (await f.Groups.GroupsAsync()).Count);
    }

    [Fact]
    public async Task AddMember_ToAFullGroup_IsRefused_AndMarkingSomeoneLeftMakesRoom()
    {
        await using var f = new SessionFixture();
        var group = (await f.Groups.CreateGroupAsync(new NewGroup("Tuesday circle", GroupKind.Open, null))).Value!;
        await AddMembersAsync(f, group.Id, Limits.MembersPerGroup - 1);
        var last = (await f.Groups.AddMemberAsync(group.Id, "Last one")).Value!;

        var refused = await f.Groups.AddMemberAsync(group.Id, "One more");

        Assert.True(refused.ErrorFor("Name")?.Is(InputProblem.TooManyMembers));
        Assert.Equal(Limits.MembersPerGroup, refused.ErrorFor("Name")!.Args["Max"]);

        Assert.True((await f.Groups.MarkMemberLeftAsync(last.Id)).IsValid);
        Assert.True((await f.Groups.AddMemberAsync(group.Id, "One more")).IsValid);

        // Coming back counts as joining: the roster is full again.
        var back = await f.Groups.MarkMemberLeftAsync(last.Id, hasLeft: false);
        Assert.True(back.ErrorFor("Name")?.Is(InputProblem.TooManyMembers));
    }

    private static async Task AddGroupsAsync(SessionFixture f, int count)
    {
        await using var db = f.Database.Contexts.CreateDbContext();
        db.Groups.AddRange(Enumerable.Range(1, count).Select(i => new GroupRecord { Id = Guid.NewGuid(), Name = $"Group {i}", CreatedAt = SessionFixture.Start }));
        await db.SaveChangesAsync();
    }

    private static async Task AddMembersAsync(SessionFixture f, Guid group, int count)
    {
        await using var db = f.Database.Contexts.CreateDbContext();
        db.Members.AddRange(Enumerable.Range(1, count).Select(i => new MemberRecord { Id = Guid.NewGuid(), GroupId = group, Name = $"Member {i}", JoinedAt = SessionFixture.Start }));
        await db.SaveChangesAsync();
    }
}
