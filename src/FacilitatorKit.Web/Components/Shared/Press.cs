using FacilitatorKit.Engine;

namespace FacilitatorKit.Web.Components.Shared;

/// <summary>
/// <c>@onpress</c> (registered in <see cref="EventHandlers"/>): a click (or a shortcut's click) on a control that changes the turn. Its arguments carry the turn
/// that was on this device's screen at the moment of the press, read in the browser from the nearest
/// <c>data-turn</c> (FacilitatorKit.Web.lib.module.js). Not the circuit's newest view, nor its last acknowledged one:
/// Blazor sends a press on an older screen to the newest handler, so only the browser knows what the person saw.
/// </summary>
public sealed class PressEventArgs : EventArgs
{
    /// <summary>The <c>data-turn</c> the press found on screen: a turn number, or empty when nobody was speaking.</summary>
    public string? Turn { get; set; }

    /// <summary>The pressed control's aria-pressed at the press ("true", "false"), for a toggle; empty otherwise.</summary>
    public string? Pressed { get; set; }

    /// <summary>The browser's click count: 2 for the second click of a double click or double tap.</summary>
    public long Detail { get; set; }

    /// <summary>
    /// The second click of a double tap: the first already did what was meant, and what lies under the finger now may
    /// be another control (a row that moved up), so a press that must act once ignores it.
    /// </summary>
    public bool IsSecondTap => Detail > 1;

    /// <summary>The turn on screen at the press; null when the screen showed nobody speaking.</summary>
    public TurnId? ShownTurn => int.TryParse(Turn, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
        ? new TurnId(n)
        : null;

    /// <summary>What a <c>data-turn</c> attribute holds for a turn (or for nobody speaking).</summary>
    public static string Of(TurnId? turn) => turn is { Value: var n } ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
}
