using Bunit;
using FacilitatorKit.Application.Groups;
using FacilitatorKit.Web.Components.Pages;
using FacilitatorKit.Web.Components.Tests.Support;

namespace FacilitatorKit.Web.Components.Tests.Pages;

/// <summary>Issue 11 §7 and §8: the group page edits the group's name, kind, planned sessions and opening scripts.</summary>
public class GroupSettingsTests : ComponentTest
{
    private const string DefaultAssumptions = "Each person can contribute.\nEach person is the authority on their own needs.\nCommunication is open and honest.";

    private async Task<(GroupRecord Group, IRenderedComponent<GroupPage> Page)> OpenSettingsAsync(NewGroup? group = null)
    {
        var created = (await Groups.CreateGroupAsync(group ?? new NewGroup("Tuesday circle"))).Value!;
        var cut = Context.Render<GroupPage>(p => p.Add(c => c.Id, created.Id));
        cut.WaitForAssertion(() => cut.ByRole("button", "Edit group settings"));
        await cut.ByRole("button", "Edit group settings").ClickAsync(new());
        return (created, cut);
    }

    [Fact]
    public async Task TheSettings_ShowTheGroupAsItIs_WithTheDefaultOpeningScripts()
    {
        var (_, cut) = await OpenSettingsAsync();

        Assert.Equal("Tuesday circle", cut.ByRole("textbox", "Group name").GetAttribute("value"));
        Assert.True(cut.ByRole("radio", "Open: drop-in, anyone may come").HasAttribute("checked"));
        Assert.False(cut.HasRole("spinbutton", "Planned sessions"));
        Assert.Equal(DefaultAssumptions, cut.ByRole("textbox", "The three assumptions").GetAttribute("value"));
        Assert.Contains("What is shared in the group stays in the group.", cut.ByRole("textbox", "Confidentiality statement").GetAttribute("value"), StringComparison.Ordinal);
        Assert.StartsWith("Every member matters equally", cut.ByRole("textbox", "Ground rules").GetAttribute("value"), StringComparison.Ordinal);
        cut.ByRole("button", "Save settings");
    }

    [Fact]
    public async Task Saving_RenamesAndClosesTheGroup_KeepsItsOwnGroundRules_AndLeavesUntouchedScriptsAsTheDefault()
    {
        var (group, cut) = await OpenSettingsAsync();

        await cut.ByRole("textbox", "Group name").InputAsync(new() { Value = "Thursday circle" });
        await cut.ByRole("radio", "Closed: enrolled members, for a planned number of sessions").ChangeAsync(new() { Value = "on" });
        await cut.ByRole("spinbutton", "Planned sessions").InputAsync(new() { Value = "6" });
        await cut.ByRole("textbox", "Ground rules").InputAsync(new() { Value = "<b>One at a time</b>\nPhones away" });
        await cut.Find(".group-settings form").SubmitAsync();

        var saved = (await Groups.GroupAsync(group.Id))!;
        Assert.Equal(("Thursday circle", GroupKind.Closed, (int?)6), (saved.Name, saved.Kind, saved.PlannedSessions));
        Assert.Equal(("<b>One at a time</b>\nPhones away", (string?)null, (string?)null), (saved.GroundRules, saved.Confidentiality, saved.Assumptions));
        cut.WaitForAssertion(() => Assert.Equal("Thursday circle", Accessible.TextOf(cut.Find("h1"))));
        Assert.Equal("The group settings are saved.", Accessible.TextOf(cut.Find(".settings-saved")));
        Assert.Contains("Closed group: 0 of 6 sessions held", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusal_SaysWhyBesideTheField_AndKeepsEverythingTyped()
    {
        var (group, cut) = await OpenSettingsAsync();

        await cut.ByRole("textbox", "Group name").InputAsync(new() { Value = "" });
        await cut.ByRole("textbox", "Ground rules").InputAsync(new() { Value = "Kept as typed" });
        await cut.Find(".group-settings form").SubmitAsync();

        var name = cut.ByRole("textbox", "Group name");
        Assert.Equal("true", name.GetAttribute("aria-invalid"));
        var alert = Assert.Single(Accessible.DescribedBy(name));
        Assert.Equal(("alert", "Please enter a group name."), (Accessible.RoleOf(alert), Accessible.TextOf(alert)));
        Assert.Equal("Kept as typed", cut.ByRole("textbox", "Ground rules").GetAttribute("value"));
        Assert.Equal("Tuesday circle", (await Groups.GroupAsync(group.Id))!.Name);
    }

    [Fact]
    public async Task AClosedGroup_WithNoPlannedSessions_IsToldSoBesideTheField()
    {
        var (_, cut) = await OpenSettingsAsync(new NewGroup("Grief group", GroupKind.Closed, 8));

        await cut.ByRole("spinbutton", "Planned sessions").InputAsync(new() { Value = "" });
        await cut.Find(".group-settings form").SubmitAsync();

        var sessions = cut.ByRole("spinbutton", "Planned sessions");
        Assert.Equal(["A closed group needs a planned number of sessions."], Accessible.DescribedBy(sessions).Select(e => Accessible.TextOf(e)));
    }
}
