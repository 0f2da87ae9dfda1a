using Bunit;
using FacilitatorKit.Web.Components.Tests.Support;

namespace FacilitatorKit.Web.Components.Tests;

/// <summary>The role-and-name helper the component tests rely on, checked on plain markup.</summary>
public class AccessibleTests
{
    private const string Markup = """
        <main>
          <button type="button"><span class="label">Next <b>speaker</b></span></button>
          <button type="button" aria-label="Close"><svg aria-hidden="true"><text>x</text></svg></button>
          <a href="/meetings/1/follow">Co-facilitator view</a>
          <a>Not a link without href</a>
          <label for="g">Group name</label><input id="g" type="text" />
          <label><span>Turn order</span><select><option>Raise hand</option><option>Go-round</option></select></label>
          <textarea aria-label="Notes" aria-describedby="hint missing"></textarea><p id="hint">For group business.</p>
          <label><input type="checkbox" /><span>Chair rota volunteer<span class="visually-hidden"> (Ana)</span></span></label>
          <input type="hidden" id="h" /><label for="h">Hidden</label>
          <ol aria-label="Speaker queue"><li>Ben</li></ol>
          <ul><li>Unnamed</li></ul>
          <section aria-labelledby="n-h"><h2 id="n-h">Notes from other items</h2></section>
          <section><h2>Not a region</h2></section>
          <div role="region" aria-label="Airtime"></div>
          <span role="timer">2:00</span>
          <div aria-hidden="true"><button type="button">Invisible</button></div>
        </main>
        """;

    private static IRenderedComponent<Bunit.Rendering.ContainerFragment> Render(BunitContext context) =>
        context.Render(builder => builder.AddMarkupContent(0, Markup));

    [Fact]
    public async Task Buttons_AreNamedByTheirText_OrTheirAriaLabel_WithoutHiddenParts()
    {
        await using var context = new BunitContext();
        var cut = Render(context);

        Assert.Equal(["Next speaker", "Close"], cut.AllByRole("button").Select(Accessible.NameOf));
        Assert.Equal("button", cut.ByRole("button", "Next speaker").LocalName);
        Assert.False(cut.HasRole("button", "Invisible"));
    }

    [Fact]
    public async Task Links_NeedAnHref()
    {
        await using var context = new BunitContext();

        Assert.Equal(["Co-facilitator view"], Render(context).AllByRole("link").Select(Accessible.NameOf));
    }

    [Fact]
    public async Task FormControls_AreNamedByTheirLabel_WithoutTheirOwnContent()
    {
        await using var context = new BunitContext();
        var cut = Render(context);

        Assert.Equal("g", cut.ByRole("textbox", "Group name").Id);
        Assert.Equal("select", cut.ByRole("combobox", "Turn order").LocalName);
        Assert.Equal("textarea", cut.ByRole("textbox", "Notes").LocalName);
        Assert.Equal("checkbox", cut.ByRole("checkbox", "Chair rota volunteer (Ana)").GetAttribute("type"));
        Assert.Equal(2, cut.AllByRole("textbox").Count); // the hidden input is not a textbox
    }

    [Fact]
    public async Task Description_IsWhatAriaDescribedByPointsAt()
    {
        await using var context = new BunitContext();
        var notes = Render(context).ByRole("textbox", "Notes");

        Assert.Equal(["For group business."], Accessible.DescribedBy(notes).Select(e => Accessible.TextOf(e)));
    }

    [Fact]
    public async Task ListsAndRegions_AreNamedOnlyByAriaLabelOrLabelledBy()
    {
        await using var context = new BunitContext();
        var cut = Render(context);

        Assert.Equal(["Speaker queue", ""], cut.AllByRole("list").Select(Accessible.NameOf));
        Assert.Equal(["Notes from other items", "Airtime"], cut.AllByRole("region").Select(Accessible.NameOf));
        Assert.Equal("2:00", Accessible.TextOf(Assert.Single(cut.AllByRole("timer"))));
    }

    [Fact]
    public async Task AMissingOrRepeatedName_FailsWithWhatIsThere()
    {
        await using var context = new BunitContext();
        var cut = context.Render(builder => builder.AddMarkupContent(0, "<button>Pass</button><button>Pass</button><button>Pause</button>"));

        var missing = Assert.Throws<InvalidOperationException>(() => cut.ByRole("button", "Resume"));
        Assert.Contains("button “Pause”", missing.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => cut.ByRole("button", "Pass"));
    }
}
