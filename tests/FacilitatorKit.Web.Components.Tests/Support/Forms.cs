using AngleSharp.Dom;
using Bunit;

namespace FacilitatorKit.Web.Components.Tests.Support;

public static class Forms
{
    /// <summary>
    /// Presses a form's submit button as a browser would: bUnit has no browser to turn a click (or Enter in a field)
    /// into the form's submit, so this checks the button is the form's submit, then submits that form.
    /// </summary>
    public static Task SubmitWithAsync(this IElement button)
    {
        ArgumentNullException.ThrowIfNull(button);
        Assert.Equal("submit", button.GetAttribute("type"));
        var form = button.Closest("form") ?? throw new InvalidOperationException("The button is not in a form.");
        return form.SubmitAsync();
    }
}
