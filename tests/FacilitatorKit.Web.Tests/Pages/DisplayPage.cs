using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FacilitatorKit.Web.Tests.Pages;

/// <summary>`/meetings/{id}/display`: the room display. Whose turn, who is next, how long is left; nothing else.</summary>
public sealed class DisplayPage(IPage page) : MeetingViewPage(page)
{
    protected override string Path(Guid meeting) => $"/meetings/{meeting}/display";

    /// <summary>The current item's title, the one big heading.</summary>
    public ILocator ItemTitle => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The group's ground rules, confidentiality statement and three assumptions, shown during the welcome.</summary>
    public ILocator OpeningScripts => Page.GetByRole(AriaRole.Region, new() { Name = "Our ground rules", Exact = true });

    public async Task ExpectNextUpAsync(string name) => await Expect(Page.GetByText($"Next: {name}", new() { Exact = true })).ToBeVisibleAsync();
}
