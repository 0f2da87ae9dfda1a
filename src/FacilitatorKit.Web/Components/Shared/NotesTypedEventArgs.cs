using Microsoft.AspNetCore.Components;

namespace FacilitatorKit.Web.Components.Shared;

/// <summary>
/// A change typed in the notes box, with what the box showed under it: the item whose note it was, and the newest
/// note from elsewhere its text included (the box's data-item and data-seen). App.razor registers the browser side.
/// </summary>
public sealed class NotesTypedEventArgs : EventArgs
{
    public string Value { get; set; } = "";
    public int Seen { get; set; }
    public int Item { get; set; }

    /// <summary>Sent again after a drop: what the box held when the page noticed it (see NoteDraft.TypeAgain).</summary>
    public bool Again { get; set; }

    /// <summary>With <see cref="Again"/>: the page keeps the text until the box shows this token back (data-received).</summary>
    public string? Token { get; set; }
}

/// <summary>Maps <c>@onnotestyped</c> to <see cref="NotesTypedEventArgs"/>. (The Razor compiler looks for this name.)</summary>
[EventHandler("onnotestyped", typeof(NotesTypedEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
public static class EventHandlers
{
}
