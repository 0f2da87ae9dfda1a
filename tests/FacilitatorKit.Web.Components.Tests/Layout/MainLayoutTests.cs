using Bunit;
using FacilitatorKit.Web.Components.Layout;
using FacilitatorKit.Web.Components.Tests.Support;
using Microsoft.AspNetCore.Components;

namespace FacilitatorKit.Web.Components.Tests.Layout;

public class MainLayoutTests : ComponentTest
{
    private IRenderedComponent<MainLayout> Render() =>
        Context.Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<h1>Your groups</h1>"))));

    [Fact]
    public void ThePage_IsTheMainLandmark_AfterASkipLinkAndTheWayHome()
    {
        var cut = Render();

        Assert.Equal(["Skip to content", "FacilitatorKit"], cut.AllByRole("link").Select(Accessible.NameOf).Take(2));
        Assert.Equal("#main", cut.ByRole("link", "Skip to content").GetAttribute("href"));
        Assert.Equal("/", cut.ByRole("link", "FacilitatorKit").GetAttribute("href"));
        var main = Assert.Single(cut.AllByRole("main"));
        Assert.Equal("main", main.Id);
        Assert.Equal("Your groups", Accessible.TextOf(Assert.Single(main.AllByRole("heading"))));
    }

    [Fact]
    public void ItHoldsTheThemeSwitch_AndWhereRefusalsAreSaid()
    {
        var cut = Render();

        cut.ByRole("combobox", "Theme");
        Assert.Equal("mud-snackbar-container", Assert.Single(cut.AllByRole("status")).Id); // the toasts' live region, always there
        Assert.Empty(cut.AllByRole("dialog"));
    }

    [Fact]
    public void AnErrorOnThePage_IsAnAlert_WithTheWayBack()
    {
        var error = Render().Find("#blazor-error-ui");

        Assert.Equal("alert", Accessible.RoleOf(error));
        Assert.Equal("Reload", Accessible.NameOf(Assert.Single(error.AllByRole("link"))));
        Assert.Contains("nothing that was saved is lost", Accessible.TextOf(error), StringComparison.Ordinal);
    }
}
