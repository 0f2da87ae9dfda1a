using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FacilitatorKit.Web.Tests.Pages;

/// <summary>A member's own phone (MemberView): who they are, their hand, their place, pass, and "I need a break".</summary>
public sealed class PhonePage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator IAm(string name) => Page.GetByRole(AriaRole.Button, new() { Name = $"I am {name}", Exact = true });
    public ILocator FirstName => Page.GetByRole(AriaRole.Textbox, new() { Name = "Your first name (or a name you choose)", Exact = true });
    public ILocator JoinAsNewcomerButton => Page.GetByRole(AriaRole.Button, new() { Name = "Join as a newcomer", Exact = true });
    public ILocator RaiseButton => Page.GetByRole(AriaRole.Button, new() { Name = "Raise my hand", Exact = true });
    public ILocator LowerButton => Page.GetByRole(AriaRole.Button, new() { Name = "Lower my hand", Exact = true });
    public ILocator PassButton => Page.GetByRole(AriaRole.Button, new() { Name = "Pass", Exact = true });
    public ILocator BreakButton => Page.GetByRole(AriaRole.Button, new() { Name = "I need a break", Exact = true });
    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>Opens an invite link and presses Join, as a member who scanned the QR code does.</summary>
    public async Task JoinByLinkAsync(string link)
    {
        await Page.GotoAsync(link);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Join the meeting", Exact = true }).ClickAsync();
        await Expect(Heading).ToHaveTextAsync("Who are you?");
    }

    public async Task ChooseAsync(string name)
    {
        await IAm(name).ClickAsync();
        await Expect(Heading).ToHaveTextAsync($"Hello, {name}");
    }

    public async Task JoinAsNewcomerAsync(string name)
    {
        await FirstName.FillAsync(name);
        await JoinAsNewcomerButton.ClickAsync();
        await Expect(Heading).ToHaveTextAsync($"Hello, {name}");
    }

    public async Task ExpectPlaceAsync(int place, int of) =>
        await Expect(Page.GetByText($"Your hand is up: you are number {place} of {of} waiting.", new() { Exact = true })).ToBeVisibleAsync();
}
