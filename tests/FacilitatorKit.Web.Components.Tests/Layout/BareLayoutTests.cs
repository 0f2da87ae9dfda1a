using Bunit;
using FacilitatorKit.Web.Components.Layout;
using FacilitatorKit.Web.Components.Tests.Support;
using Microsoft.AspNetCore.Components;

namespace FacilitatorKit.Web.Components.Tests.Layout;

public class BareLayoutTests : ComponentTest
{
    [Fact]
    public void TheRoomDisplaysLayout_IsTheMeetingAlone_WithNoControls()
    {
        var cut = Context.Render<BareLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<h1>Check-in</h1>"))));

        var main = Assert.Single(cut.AllByRole("main"));
        Assert.Contains("bare", main.ClassList);
        Assert.Equal("Check-in", Accessible.TextOf(main));
        Assert.Empty(cut.AllByRole("button"));
        Assert.Empty(cut.AllByRole("link"));
        Assert.Empty(cut.AllByRole("combobox")); // no theme switch
        Assert.Empty(cut.AllByRole("status"));
    }
}
