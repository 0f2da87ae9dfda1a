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
    public ILocator ChairOfTheDayBox => Page.GetByRole(AriaRole.Combobox, new() { Name = "Chair of the day", Exact = true });
    public ILocator SelectedChairOfTheDay => ChairOfTheDayBox.GetByRole(AriaRole.Option, new() { Selected = true });
    public ILocator PastMeetings => Page.GetByRole(AriaRole.List, new() { Name = "Past meetings", Exact = true });
    public ILocator EditSettingsButton => Page.GetByRole(AriaRole.Button, new() { Name = "Edit group settings", Exact = true });
    public ILocator SettingsNameBox => Page.GetByRole(AriaRole.Textbox, new() { Name = "Group name", Exact = true });
    public ILocator ClosedKind => Page.GetByRole(AriaRole.Radio, new() { Name = "Closed: enrolled members, for a planned number of sessions", Exact = true });
    public ILocator PlannedSessionsBox => Page.GetByRole(AriaRole.Spinbutton, new() { Name = "Planned sessions", Exact = true });
    public ILocator GroundRulesBox => Page.GetByRole(AriaRole.Textbox, new() { Name = "Ground rules", Exact = true });
    public ILocator SaveSettingsButton => Page.GetByRole(AriaRole.Button, new() { Name = "Save settings", Exact = true });
    public ILocator CancelMeetingButton => Page.GetByRole(AriaRole.Button, new() { Name = "Cancel this meeting", Exact = true });
    public ILocator ConfirmCancelButton => Page.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel it", Exact = true });

    /// <summary>A member's "Delete NAME" button, on their row.</summary>
    public ILocator DeleteMemberButton(string name) => Members.GetByRole(AriaRole.Button, new() { Name = $"Delete {name}", Exact = true });

    /// <summary>The question a deletion asks, in a dialog, once.</summary>
    public ILocator DeleteQuestion => Page.GetByRole(AriaRole.Dialog);

    public ILocator ConfirmDeleteMemberButton(string name) => DeleteQuestion.GetByRole(AriaRole.Button, new() { Name = $"Yes, delete {name}", Exact = true });

    public ILocator KeepMemberButton(string name) => DeleteQuestion.GetByRole(AriaRole.Button, new() { Name = $"Keep {name}", Exact = true });

    /// <summary>The gentle word under a name field when a name looks like a full name or a contact.</summary>
    public ILocator AnonymityHint => Page.GetByText("First names or aliases keep members anonymous.", new() { Exact = true });

    /// <summary>A closed group's line: "Closed group: N of M sessions held".</summary>
    public ILocator SessionsHeld(int held, int planned) => Page.GetByText($"Closed group: {held} of {planned} sessions held", new() { Exact = true });

    public ILocator MeetingLink(string name) => PastMeetings.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>The sentence that names the proposed next chair: "Proposed next chair: NAME".</summary>
    public ILocator ProposedNextChair => Page.GetByText("Proposed next chair:");

    public ILocator Heading(string name) => Page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true, Level = 1 });

    public ILocator Member(string name) => Members.GetByText(name, new() { Exact = true });

    /// <summary>A member's "Chair rota volunteer" box (its name ends with the member's, for screen readers).</summary>
    public ILocator ChairRotaVolunteer(string name) => Page.GetByRole(AriaRole.Checkbox, new() { Name = $"Chair rota volunteer ({name})", Exact = true });

    /// <summary>A member's box in the new meeting's "Present tonight".</summary>
    public ILocator PresentTonight(string name) =>
        Page.GetByRole(AriaRole.Group, new() { Name = "Present tonight", Exact = true }).GetByRole(AriaRole.Checkbox, new() { Name = name, Exact = true });

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

    /// <summary>Cancels the meeting waiting to start: presses "Cancel this meeting", then answers the question once.</summary>
    public async Task CancelWaitingMeetingAsync()
    {
        await CancelMeetingButton.ClickAsync();
        await ConfirmCancelButton.ClickAsync();
        await Expect(CancelMeetingButton).ToHaveCountAsync(0);
    }

    public async Task OpenNewMeetingAsync()
    {
        await NewMeetingButton.ClickAsync();
        await Expect(FormatBox).ToBeVisibleAsync();
    }

    /// <summary>
    /// Creates the meeting with the format shown (or the one given), whoever is ticked as here tonight (everyone,
    /// unless a test unticked someone) and the chair shown; lands on its console.
    /// </summary>
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
