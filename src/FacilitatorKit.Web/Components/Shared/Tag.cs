using Microsoft.AspNetCore.Components;

namespace FacilitatorKit.Web.Components.Shared;

/// <summary>
/// A small label beside a name ("chair", "point of process", "left"): MudBlazor's chip look, as plain text. Markup, not
/// a component: a live view shows several, and each component is kept twice per open view. (A MudChip would also hook
/// the keyboard in the browser for each one, and these take no input.)
/// </summary>
internal static class Tag
{
    private const string Look = "mud-chip mud-chip-outlined mud-chip-size-small tag";

    public static RenderFragment Of(string words) => builder =>
    {
        // The space keeps "Ana chair" two words in the text a screen reader reads, whatever the markup around it trims.
        builder.AddContent(0, " ");
        builder.OpenElement(1, "span");
        builder.AddAttribute(2, "class", Look);
        builder.AddContent(3, words);
        builder.CloseElement();
    };
}
