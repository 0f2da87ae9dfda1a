using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FacilitatorKit.Web.Tests.Pages;

/// <summary>`/groups/{id}`: members, the chair rota, and starting a new meeting from a format.</summary>
public sealed partial class GroupPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator MemberNameBox => Page.GetByRole(AriaRole.Textbox, new() { Name = "Member name", Exact = true });
    public ILocator AddMemberButton => Page.GetByRole(AriaRole.Button, new() { Name = "Add member", Exact = true });
    public ILocator Members => Page.GetByRole(AriaRole.List, new() { Name = "Members", Exact = true });
    public ILocator NewMeetingButton => Page.GetByRole(AriaRole.Button, new() { Name = "New meeting", Exact = true });
    public ILocator FormatBox => Page.GetByRole(AriaRole.Combobox, new() { Name = "Format", Exact = true });
    public ILocator CreateMeetingButton => Page.GetByRole(AriaRole.Button, new() { Name = "Create meeting", Exact = true });

    public ILocator Heading(string name) => Page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true, Level = 1 });

    public ILocator Member(string name) => Members.GetByText(name, new() { Exact = true });

    public async Task<GroupPage> GotoAsync(Guid group)
    {
        await Page.GotoAsync($"/groups/{group}");
        await Expect(MemberNameBox).ToBeVisibleAsync();
        return this;
    }

    /// <summary>Types a name and presses Add member; does not wait for the result.</summary>
    public async Task SubmitMemberAsync(string name)
    {
        await MemberNameBox.FillAsync(name);
        await AddMemberButton.ClickAsync();
    }

    public async Task AddMemberAsync(string name)
    {
        await SubmitMemberAsync(name);
        await Expect(Member(name)).ToBeVisibleAsync();
        await Expect(MemberNameBox).ToBeEmptyAsync();
    }

    public async Task OpenNewMeetingAsync()
    {
        await NewMeetingButton.ClickAsync();
        await Expect(FormatBox).ToBeVisibleAsync();
    }

    /// <summary>Creates the meeting with the format shown (or the one given) and everyone present; lands on its console.</summary>
    public async Task<ConsolePage> CreateMeetingAsync(string? format = null)
    {
        if (format is not null)
        {
            await FormatBox.SelectOptionAsync(new SelectOptionValue { Label = format });
        }

        await CreateMeetingButton.ClickAsync();
        await Expect(Page).ToHaveURLAsync(MeetingAddress());
        var console = new ConsolePage(Page);
        await console.WaitUntilLiveAsync();
        return console;
    }

    [GeneratedRegex(@"/meetings/[0-9a-f-]{36}$")]
    private static partial Regex MeetingAddress();
}
