using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FacilitatorKit.Web.Tests.Pages;

/// <summary>`/meetings/{id}`: the facilitator console.</summary>
public sealed class ConsolePage(IPage page) : RunningMeetingPage(page)
{
    protected override string Path(Guid meeting) => $"/meetings/{meeting}";

    public ILocator StartMeetingButton => Page.GetByRole(AriaRole.Button, new() { Name = "Start meeting", Exact = true });
    public ILocator CoFacilitatorViewLink => Page.GetByRole(AriaRole.Link, new() { Name = "Co-facilitator view", Exact = true });
    public ILocator RoomDisplayLink => Page.GetByRole(AriaRole.Link, new() { Name = "Room display", Exact = true });
    public ILocator EndMeetingButton => Page.GetByRole(AriaRole.Button, new() { Name = "End meeting", Exact = true });
    public ILocator ConfirmEndMeetingButton => Page.GetByRole(AriaRole.Button, new() { Name = "Yes, end the meeting", Exact = true });
    public ILocator CancelMeetingButton => Page.GetByRole(AriaRole.Button, new() { Name = "Cancel this meeting", Exact = true });
    public ILocator ConfirmCancelButton => Page.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel it", Exact = true });
    public ILocator NotYetButton => Page.GetByRole(AriaRole.Button, new() { Name = "Not yet", Exact = true });

    /// <summary>The way back to the meeting's group, in the console's header.</summary>
    // The devices panel (issue 12 §2): invite a device by a link and a QR code, list them, revoke them.
    public ILocator DevicesButton => Page.GetByRole(AriaRole.Button, new() { Name = "Devices and invites", Exact = true });
    public ILocator InviteAs => Page.GetByRole(AriaRole.Combobox, new() { Name = "Invite a device as", Exact = true });
    public ILocator InviteButton => Page.GetByRole(AriaRole.Button, new() { Name = "Invite a device", Exact = true });
    public ILocator InviteLink => Page.GetByRole(AriaRole.Textbox, new() { Name = "Link", Exact = true });
    public ILocator InviteQrCode => Page.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("^QR code of the link to join as ") });
    public ILocator JoinedDevices => Page.GetByRole(AriaRole.List, new() { Name = "Devices that joined", Exact = true });

    /// <summary>Makes an invite for one role ("Co-facilitator", "Room display", "Member") and returns its link.</summary>
    public async Task<string> InviteDeviceAsync(string role)
    {
        if (!await InviteButton.IsVisibleAsync())
        {
            await DevicesButton.ClickAsync();
        }

        var before = await InviteLink.IsVisibleAsync() ? await InviteLink.InputValueAsync() : null;
        await InviteAs.SelectOptionAsync(new SelectOptionValue { Label = role });
        await InviteButton.ClickAsync();
        await Assertions.Expect(InviteQrCode).ToHaveAttributeAsync("alt", $"QR code of the link to join as {role.ToLowerInvariant()}");
        if (before is not null)
        {
            await Assertions.Expect(InviteLink).Not.ToHaveValueAsync(before); // the new link, not the one made before
        }

        return await InviteLink.InputValueAsync();
    }

    public ILocator GroupLink(string group) => Page.GetByRole(AriaRole.Link, new() { Name = group, Exact = true });

    /// <summary>The meeting's id, read from the address.</summary>
    public Guid MeetingId => Guid.Parse(new Uri(Page.Url).Segments[2].TrimEnd('/'));

    public async Task StartMeetingAsync()
    {
        await StartMeetingButton.ClickAsync();
        await Expect(StartMeetingButton).ToHaveCountAsync(0);
        await Expect(CurrentItem.GetByRole(AriaRole.Heading)).ToBeVisibleAsync();
    }

    /// <summary>End meeting asks once before it ends the meeting for everyone.</summary>
    public async Task EndMeetingAsync()
    {
        await EndMeetingButton.ClickAsync();
        await ConfirmEndMeetingButton.ClickAsync();
        await Expect(HasEnded).ToBeVisibleAsync();
    }

    /// <summary>Presses a keyboard shortcut with nothing focused, as a facilitator would between clicks.</summary>
    public async Task PressShortcutAsync(string key)
    {
        await Page.EvaluateAsync("() => { if (document.activeElement instanceof HTMLElement) document.activeElement.blur(); }");
        await Page.Keyboard.PressAsync(key);
    }
}
