using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FacilitatorKit.Web.Tests.Pages;

/// <summary>`/`: the groups and recent meetings, and creating a group.</summary>
public sealed partial class GroupsPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator NewGroupButton => Page.GetByRole(AriaRole.Button, new() { Name = "New group", Exact = true });
    public ILocator GroupNameBox => Page.GetByRole(AriaRole.Textbox, new() { Name = "Group name", Exact = true });
    public ILocator CreateGroupButton => Page.GetByRole(AriaRole.Button, new() { Name = "Create group", Exact = true });
    public ILocator RecentMeetings => Page.GetByRole(AriaRole.List, new() { Name = "Recent meetings", Exact = true });

    public async Task<GroupsPage> GotoAsync()
    {
        await Page.GotoAsync("/");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Your groups", Exact = true })).ToBeVisibleAsync();
        return this;
    }

    /// <summary>Opens the new-group form and asks for a group with this name; does not wait for the result.</summary>
    public async Task SubmitNewGroupAsync(string name)
    {
        await NewGroupButton.ClickAsync();
        await GroupNameBox.FillAsync(name);
        await CreateGroupButton.ClickAsync();
    }

    public async Task<GroupPage> CreateGroupAsync(string name)
    {
        await SubmitNewGroupAsync(name);
        await Expect(Page).ToHaveURLAsync(GroupAddress());
        var group = new GroupPage(Page);
        await Expect(group.Heading(name)).ToBeVisibleAsync();
        return group;
    }

    [GeneratedRegex(@"/groups/[0-9a-f-]{36}$")]
    private static partial Regex GroupAddress();
}
