using Bunit;
using FacilitatorKit.Web.Components.Shared;
using FacilitatorKit.Web.Components.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FacilitatorKit.Web.Components.Tests.Shared;

public class ConfirmDialogTests : ComponentTest
{
    private const string Question = "End the meeting for everyone?";
    private const string Detail = "Nobody can take a turn after this, and it cannot be undone.";

    /// <summary>Asks through the dialog provider (rendered as its own root, as MainLayout holds it): the answer comes once a button is pressed.</summary>
    private (IRenderedComponent<MudDialogProvider> Provider, Task<bool> Answer) Ask()
    {
        var provider = Context.Render<MudDialogProvider>(p => p.Add(d => d.CloseOnEscapeKey, true).Add(d => d.BackdropClick, false));
        var dialogs = Services.GetRequiredService<IDialogService>();
        var answer = provider.InvokeAsync(() => ConfirmDialog.AskAsync(dialogs, Question, Detail, yes: "Yes, end the meeting", no: "Not yet"));
        provider.WaitForAssertion(() => provider.ByRole("dialog", Question));
        return (provider, answer);
    }

    [Fact]
    public async Task TheQuestion_IsADialogNamedByIt_WithTheSafeAnswerFirst()
    {
        var (provider, answer) = Ask();

        var dialog = provider.ByRole("dialog", Question);
        Assert.Equal("true", dialog.GetAttribute("aria-modal"));
        Assert.Contains(Detail, Accessible.TextOf(dialog), StringComparison.Ordinal);
        Assert.Equal(["Not yet", "Yes, end the meeting"], dialog.AllByRole("button").Select(Accessible.NameOf));
        Assert.False(answer.IsCompleted);

        await dialog.ByRole("button", "Not yet").ClickAsync(new());
        Assert.False(await answer);
    }

    [Fact]
    public async Task Yes_AnswersYes_AndClosesTheDialog()
    {
        var (provider, answer) = Ask();

        await provider.ByRole("dialog", Question).ByRole("button", "Yes, end the meeting").ClickAsync(new());

        Assert.True(await answer);
        provider.WaitForAssertion(() => Assert.Empty(provider.AllByRole("dialog")));
    }

    [Fact]
    public async Task AStrayTapBesideTheDialog_AnswersNothing()
    {
        var (provider, answer) = Ask();

        await provider.Find(".mud-overlay").ClickAsync(new());

        Assert.False(answer.IsCompleted);
        provider.ByRole("dialog", Question);
    }
}
