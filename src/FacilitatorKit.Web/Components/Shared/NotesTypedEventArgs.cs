using Microsoft.AspNetCore.Components;

namespace FacilitatorKit.Web.Components.Shared;

/// <summary>
/// What the notes box holds once its typing pauses (sent by NotesBox.razor.js, once, to the box's panel), with what the box showed under it: the meeting and item whose note it was, and
/// the newest note from elsewhere its text included (the box's data-meeting, data-item and data-seen). App.razor
/// registers the browser side.
/// </summary>
public sealed class NotesTypedEventArgs : EventArgs
{
    public string Value { get; set; } = "";
    public int Seen { get; set; }
    public int Item { get; set; }

    /// <summary>The meeting whose note it is (the box's data-meeting): the page may have moved to another meeting since.</summary>
    public string? Meeting { get; set; }

    /// <summary>The stored version the box had last drawn, its own saves included (data-version).</summary>
    public int BasedOn { get; set; }

    /// <summary>The browser tab, by the random id it keeps for itself for as long as it is open (see NoteStore.SavedByScreen).</summary>
    public string? Screen { get; set; }

    /// <summary>Sent again after a drop: what the box held when the page noticed it (see NoteDraft.TypeAgain).</summary>
    public bool Again { get; set; }

    /// <summary>With <see cref="Again"/>: the page keeps the text until the box shows this token back (data-received).</summary>
    public string? Token { get; set; }

    /// <summary>
    /// Why the page did not send the box's text (<see cref="Value"/> is empty then): "length", over the note limit, or
    /// "size", too big for one message. The box keeps it; the app says why it is not saved.
    /// </summary>
    public string? Withheld { get; set; }

    /// <summary>The box lost the keyboard (or the tab was hidden): save now, without waiting for the pause.</summary>
    public bool Flush { get; set; }

    /// <summary>With <see cref="Flush"/>: nothing new was typed since the last send; <see cref="Value"/> is empty.</summary>
    public bool FlushOnly { get; set; }
}

/// <summary>
/// The app's own events: <c>@onnotestyped</c> (<see cref="NotesTypedEventArgs"/>) and <c>@onpress</c>
/// (<see cref="PressEventArgs"/>). (The Razor compiler looks for this class name.)
/// </summary>
[EventHandler("onnotestyped", typeof(NotesTypedEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
[EventHandler("onpress", typeof(PressEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
public static class EventHandlers
{
}
