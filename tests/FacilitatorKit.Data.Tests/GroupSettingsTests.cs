using FacilitatorKit.Application.Groups;
using FacilitatorKit.Application.Validation;
using FacilitatorKit.Testing;

namespace FacilitatorKit.Data.Tests;

/// <summary>Issue 11 §7 and §8: a group's name, kind, planned sessions and opening scripts can be edited.</summary>
public class GroupSettingsTests
{
    [Fact]
    public async Task ChangeSettings_KeepsEverythingAsTyped_AndTheScriptsOutliveARestart()
    {
        await using var f = new SessionFixture();
        var group = (await f.Groups.CreateGroupAsync(new NewGroup("Tuesday circle"))).Value!;

        var changed = await f.Groups.ChangeSettingsAsync(group.Id, new GroupSettings(
            " Thursday circle ", GroupKind.Closed, 6, "One at a time.\nYou may pass.", "<b>What is said here stays here.</b>", ""));

        Assert.True(changed.IsValid);
        await f.RestartAsync();
        var saved = (await f.Groups.GroupAsync(group.Id))!;
        Assert.Equal(("Thursday circle", GroupKind.Closed, (int?)6), (saved.Name, saved.Kind, saved.PlannedSessions));
        Assert.Equal(("One at a time.\nYou may pass.", "<b>What is said here stays here.</b>", ""), (saved.GroundRules, saved.Confidentiality, saved.Assumptions));
    }

    [Fact]
    public async Task ANewGroup_HasNoScriptsOfItsOwn_SoItReadsTheDefaults()
    {
        await using var f = new SessionFixture();
        var group = (await f.Groups.CreateGroupAsync(new NewGroup("Tuesday circle"))).Value!;

        var saved = (await f.Groups.GroupAsync(group.Id))!;

        Assert.Equal((null, null, (string?)null), (saved.GroundRules, saved.Confidentiality, saved.Assumptions));
    }

    [Theory]
    [InlineData("", GroupKind.Open, null, null, "Name")]
    [InlineData("Tuesday circle", GroupKind.Closed, null, null, "PlannedSessions")]
    [InlineData("Tuesday circle", GroupKind.Closed, 201, null, "PlannedSessions")]
    [InlineData("Tuesday circle", GroupKind.Open, 8, null, "PlannedSessions")]
    [InlineData("Tuesday circle", GroupKind.Open, null, "Be kind\u0007", "GroundRules")]
    public async Task ChangeSettings_BadInput_WritesNothing_AndNamesTheField(string name, GroupKind kind, int? sessions, string? rules, string field)
    {
        await using var f = new SessionFixture();
        var group = (await f.Groups.CreateGroupAsync(new NewGroup("Tuesday circle"))).Value!;

        var result = await f.Groups.ChangeSettingsAsync(group.Id, new GroupSettings(name, kind, sessions, rules));

        Assert.NotNull(result.ErrorFor(field));
        var saved = (await f.Groups.GroupAsync(group.Id))!;
        Assert.Equal(("Tuesday circle", GroupKind.Open, (string?)null), (saved.Name, saved.Kind, saved.GroundRules));
    }

    [Fact]
    public async Task ChangeSettings_AScriptTooLong_IsRefused()
    {
        await using var f = new SessionFixture();
        var group = (await f.Groups.CreateGroupAsync(new NewGroup("Tuesday circle"))).Value!;

        var result = await f.Groups.ChangeSettingsAsync(group.Id, new GroupSettings("Tuesday circle", GroupKind.Open, null, Assumptions: new string('a', GroupSettingsValidator.MaxScriptLength + 1)));

        Assert.True(result.ErrorFor("Assumptions")!.Is(InputProblem.ScriptTooLong));
    }

    [Fact]
    public async Task AClosedGroup_CannotPlanFewerSessionsThanItHasSetUp()
    {
        await using var f = new SessionFixture();
        var group = await SeededGroup.CreateAsync(f, new NewGroup("Grief group", GroupKind.Closed, 8), volunteers: false, "Ana");
        await group.SetUpMeetingAsync(f);

        var none = await f.Groups.ChangeSettingsAsync(group.Id, new GroupSettings("Grief group", GroupKind.Closed, 0));
        var one = await f.Groups.ChangeSettingsAsync(group.Id, new GroupSettings("Grief group", GroupKind.Closed, 1));

        Assert.True(none.ErrorFor("PlannedSessions")!.Is(InputProblem.SessionsOutOfRange));
        Assert.True(one.IsValid);
        Assert.Equal(1, (await f.Groups.GroupAsync(group.Id))!.PlannedSessions);
    }

    [Fact]
    public async Task AClosedGroup_CannotPlanFewerSessionsThanItHasHeld()
    {
        await using var f = new SessionFixture();
        var group = await SeededGroup.CreateAsync(f, new NewGroup("Grief group", GroupKind.Closed, 8), volunteers: false, "Ana");
        await GroupServiceTests.HoldAsync(f, (await group.SetUpMeetingAsync(f)).Meeting);
        await GroupServiceTests.HoldAsync(f, (await group.SetUpMeetingAsync(f)).Meeting);

        var result = await f.Groups.ChangeSettingsAsync(group.Id, new GroupSettings("Grief group", GroupKind.Closed, 1));

        var below = result.ErrorFor("PlannedSessions")!;
        Assert.True(below.Is(InputProblem.SessionsBelowHeld));
        Assert.Equal(2, below.Args["Number"]);
        Assert.Equal(8, (await f.Groups.GroupAsync(group.Id))!.PlannedSessions);
    }

    [Fact]
    public async Task ChangeSettings_OfAGroupThatIsGone_SaysSo()
    {
        await using var f = new SessionFixture();

        var result = await f.Groups.ChangeSettingsAsync(Guid.NewGuid(), new GroupSettings("Tuesday circle", GroupKind.Open, null));

        Assert.True(result.ErrorFor("Group")!.Is(InputProblem.GroupGone));
    }
}
