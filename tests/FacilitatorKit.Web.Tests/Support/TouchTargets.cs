using System.Globalization;
using Microsoft.Playwright;

namespace FacilitatorKit.Web.Tests.Support;

/// <summary>One control a finger can press, as a screen reader names it, and its size on screen in CSS px.</summary>
public sealed record TouchTarget(string Control, float Width, float Height)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Control}: {Width:0.#} x {Height:0.#} px");
}

/// <summary>
/// Measures what a finger has to hit on a page: every visible interactive control, with its role and accessible name
/// (Playwright's ARIA snapshot, the names the role locators use), and whether the page scrolls sideways.
/// </summary>
public static class TouchTargets
{
    /// <summary>Apple's and WCAG 2.5.5's minimum: 44 x 44 CSS px.</summary>
    public const float Minimum = 44;

    // Everything a finger can operate. Links inline in a sentence are filtered out afterwards (WCAG 2.5.8's inline
    // exception: their height is set by the line of text around them).
    private const string Interactive =
        "button, a[href], select, input:not([type=hidden]), textarea, summary, " +
        "[role=button], [role=link], [role=checkbox], [role=radio], [role=switch], [role=tab], [role=menuitem], " +
        "[role=combobox], [role=slider], [role=spinbutton], [tabindex]:not([tabindex^='-'])";

    // A link is inline in a sentence when it flows inside a line of text that holds words other than its own.
    private const string IsInlineInText = """
        element => {
            if (getComputedStyle(element).display !== 'inline') return false;
            let block = element.parentElement;
            while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
            const own = element.textContent.trim().length;
            return !!block && block.textContent.replace(/\s+/g, ' ').trim().length > own;
        }
        """;

    // Left of or above the page itself, wherever the page is scrolled to.
    private const string IsOffThePage = """
        element => {
            const box = element.getBoundingClientRect();
            return box.right + window.scrollX <= 0 || box.bottom + window.scrollY <= 0;
        }
        """;

    // The elements that stick out past the right edge, for a failure message that says where to look.
    private const string WiderThanTheViewport = """
        () => {
            const width = document.documentElement.clientWidth;
            return [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > width + 0.5)
                .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= width + 0.5)
                .slice(0, 5)
                .map(e => `<${e.tagName.toLowerCase()}${e.className ? ` class="${e.className}"` : ''}> ` +
                          `right edge at ${Math.round(e.getBoundingClientRect().right)} px: "${e.textContent.replace(/\s+/g, ' ').trim().slice(0, 40)}"`);
        }
        """;

    /// <summary>Every visible interactive control on the page, except links inline in a sentence.</summary>
    public static async Task<IReadOnlyList<TouchTarget>> MeasureAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var targets = new List<TouchTarget>();
        foreach (var control in await page.Locator(Interactive).AllAsync())
        {
            // Off the page (a skip link until it gets keyboard focus) is out of a finger's reach, so not a touch target.
            if (!await control.IsVisibleAsync() || await control.BoundingBoxAsync() is not { } box || await control.EvaluateAsync<bool>(IsOffThePage))
            {
                continue;
            }

            var name = await RoleAndNameAsync(control);
            if (name.StartsWith("link ", StringComparison.Ordinal) && await control.EvaluateAsync<bool>(IsInlineInText))
            {
                continue;
            }

            targets.Add(new TouchTarget(name, box.Width, box.Height));
        }

        return targets;
    }

    /// <summary>A failure message for the page's sideways scroll, or null when it fits its width.</summary>
    public static async Task<string?> SidewaysScrollAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        if (widths[0] <= widths[1])
        {
            return null;
        }

        var culprits = await page.EvaluateAsync<string[]>(WiderThanTheViewport);
        return $"The page scrolls sideways: it is {widths[0]} px wide in a {widths[1]} px viewport. Sticking out:\n  " + string.Join("\n  ", culprits);
    }

    // The first line of the element's ARIA snapshot: `button "Pause"`, `combobox "Turn order"`, `textbox "Notes"`.
    private static async Task<string> RoleAndNameAsync(ILocator control)
    {
        var snapshot = await control.AriaSnapshotAsync();
        var line = snapshot.Split('\n', 2)[0].Trim();
        return line.TrimStart('-', ' ').TrimEnd(':');
    }
}
