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
}

/// <summary>Maps <c>@onnotestyped</c> to <see cref="NotesTypedEventArgs"/>. (The Razor compiler looks for this name.)</summary>
[EventHandler("onnotestyped", typeof(NotesTypedEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
public static class EventHandlers
{
}
