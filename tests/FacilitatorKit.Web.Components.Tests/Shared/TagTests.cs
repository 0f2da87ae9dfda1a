using Bunit;
using FacilitatorKit.Web.Components.Shared;
using FacilitatorKit.Web.Components.Tests.Support;

namespace FacilitatorKit.Web.Components.Tests.Shared;

public class TagTests : ComponentTest
{
    [Fact]
    public void Tag_IsPlainTextBesideAName_AndTakesNoInput()
    {
        var cut = Context.Render(Tag.Of("point of process"));

        var tag = cut.Find("span.tag");
        Assert.Equal("point of process", tag.TextContent);
        Assert.Null(Accessible.RoleOf(tag));
        Assert.False(tag.HasAttribute("tabindex"));
        Assert.Empty(cut.AllByRole("button"));
        Assert.StartsWith(" ", cut.Markup, StringComparison.Ordinal); // "Ana chair", not "Anachair"
    }
}
