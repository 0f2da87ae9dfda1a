using AngleSharp.Dom;
using Bunit;
using FacilitatorKit.Web.Components.Shared;

namespace FacilitatorKit.Web.Components.Tests.Support;

/// <summary>
/// Presses a control that changes the turn (<c>@onpress</c>) as the browser does: with the turn its screen showed,
/// read from the nearest <c>data-turn</c> at the press, and a toggle's <c>aria-pressed</c> as it was shown
/// (FacilitatorKit.Web.lib.module.js does the same).
/// </summary>
public static class Presses
{
    /// <param name="control">What is pressed.</param>
    /// <param name="clickCount">The browser's click count: 2 for the second click of a double tap.</param>
    public static Task PressAsync(this IElement control, long clickCount = 1)
    {
        ArgumentNullException.ThrowIfNull(control);
        return control.TriggerEventAsync("onpress", new PressEventArgs
        {
            Turn = control.Closest("[data-turn]")?.GetAttribute("data-turn") ?? "",
            Pressed = control.Closest("button")?.GetAttribute("aria-pressed") ?? "",
            Detail = clickCount,
        });
    }
}
