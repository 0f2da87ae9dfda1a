using FacilitatorKit.Web.Components.Tests.Support;
using FacilitatorKit.Web.Look;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FacilitatorKit.Web.Components.Tests.Layout;

/// <summary>/look.css: every look's MudBlazor variables, each under the data-look that picks it, the calm light one by default.</summary>
public class LookStylesTests : ComponentTest
{
    [Fact]
    public async Task EveryLook_HasItsOwnScope_AndItsOwnPalette()
    {
        var styles = await LookStyles.MakeAsync(Context.Services, NullLoggerFactory.Instance);

        var blocks = styles.Css.Split('}', StringSplitOptions.RemoveEmptyEntries);
        string Block(string scope) => Assert.Single(blocks, b => b.TrimStart().StartsWith(scope + "{", StringComparison.Ordinal) || b.TrimStart().StartsWith(scope + "\n{", StringComparison.Ordinal) || b.TrimStart().StartsWith(scope + "\r\n{", StringComparison.Ordinal));
        Assert.Contains("--mud-palette-primary: rgba(47,111,143,1);", Block(":root"), StringComparison.Ordinal);
        Assert.Contains("--mud-palette-background: rgba(18,24,31,1);", Block(":root[data-look='dark']"), StringComparison.Ordinal);
        Assert.Contains("--mud-palette-primary: rgba(0,51,204,1);", Block(":root[data-look='high-contrast']"), StringComparison.Ordinal);
        Assert.Contains("--mud-palette-background: rgba(0,0,0,1);", Block(":root[data-look='high-contrast-dark']"), StringComparison.Ordinal);
        Assert.Equal(12, styles.Version.Length);
    }

    [Fact]
    public async Task TheSameTheme_MakesTheSameStylesheet_SoBrowsersKeepTheirCopy()
    {
        var first = await LookStyles.MakeAsync(Context.Services, NullLoggerFactory.Instance);
        var again = await LookStyles.MakeAsync(Context.Services, NullLoggerFactory.Instance);

        Assert.Equal(first.Version, again.Version);
    }
}
