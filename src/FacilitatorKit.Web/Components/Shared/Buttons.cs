namespace FacilitatorKit.Web.Components.Shared;

/// <summary>
/// MudBlazor's button classes, for the plain buttons of the live meeting views. A MudButton is a component with its
/// own parameter state and a class string built at every render; a console has about 25 of them, and every open view
/// holds each twice (Blazor keeps the last two renders), which cost about half of a live view's memory on the server.
/// These buttons look and ripple the same (MudBlazor's CSS and script; the words sit directly in the button, which
/// centres them as MudBlazor's label span would), are real &lt;button&gt; elements, and cost one
/// element each. Forms and dialogs, which are not live, use MudButton itself.
/// </summary>
internal static class Buttons
{
    private const string Root = "mud-button-root mud-button mud-ripple ";

    /// <summary>The main action of a panel ("Next speaker").</summary>
    public const string Primary = Root + "mud-button-filled mud-button-filled-primary mud-button-filled-size-medium";

    /// <summary>A second main action ("Next item").</summary>
    public const string Secondary = Root + "mud-button-filled mud-button-filled-secondary mud-button-filled-size-medium";

    /// <summary>An everyday action ("Pause", "Raise hand for Ana").</summary>
    public const string Plain = Root + "mud-button-outlined mud-button-outlined-default mud-button-outlined-size-medium";

    /// <summary>A toggle that is on ("Raise hand for Ana" while Ana's hand is up): filled, and marked with a check in CSS.</summary>
    public const string Pressed = Root + "mud-button-filled mud-button-filled-primary mud-button-filled-size-medium is-pressed";

    /// <summary>An action on one row of a list ("Lower hand for Ana").</summary>
    public const string Small = Root + "mud-button-outlined mud-button-outlined-default mud-button-outlined-size-small";

    /// <summary>An action that cannot be undone ("End meeting"), which asks first.</summary>
    public const string Careful = Root + "mud-button-outlined mud-button-outlined-error mud-button-outlined-size-medium";
}
