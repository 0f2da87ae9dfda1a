using AngleSharp.Dom;
using Bunit;
using FacilitatorKit.Web.Components.Shared;

namespace FacilitatorKit.Web.Components.Tests.Support;

/// <summary>
/// Presses a control that changes the turn (<c>@onpress</c>) as the browser does: with the turn its screen showed,
/// read from the nearest <c>data-turn</c> at the press (FacilitatorKit.Web.lib.module.js does the same).
/// </summary>
public static class Presses
{
    public static Task PressAsync(this IElement control)
    {
        ArgumentNullException.ThrowIfNull(control);
        var shown = control.Closest("[data-turn]")?.GetAttribute("data-turn") ?? "";
        return control.TriggerEventAsync("onpress", new PressEventArgs { Turn = shown });
    }
}
