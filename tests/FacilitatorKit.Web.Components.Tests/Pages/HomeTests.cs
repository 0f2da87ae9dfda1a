using Bunit;
using FacilitatorKit.Application.Groups;
using FacilitatorKit.Web.Components.Pages;
using FacilitatorKit.Web.Components.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace FacilitatorKit.Web.Components.Tests.Pages;

/// <summary>Home, "/": your groups, and starting one.</summary>
public class HomeTests : ComponentTest
{
    private IRenderedComponent<Home> Render()
    {
        var cut = Context.Render<Home>();
        cut.WaitForAssertion(() => Assert.True(cut.HasRole("button", "New group") || cut.HasRole("list", "Groups")));
        return cut;
    }

    private string Address => Services.GetRequiredService<NavigationManager>().Uri;

    [Fact]
    public void AFirstVisit_IsWelcomed_WithNewGroup()
    {
        var cut = Render();

        Assert.Equal("Your groups", Accessible.TextOf(cut.AllByRole("heading")[0]));
        Assert.Contains("Start by creating your group.", cut.Find(".welcome").TextContent, StringComparison.Ordinal);
        cut.ByRole("button", "New group");
        Assert.False(cut.HasRole("list", "Groups"));
    }

    [Fact]
    public async Task NewGroup_AsksForTheGroupName_AndWhoMayCome()
    {
        var cut = Render();

        await cut.ByRole("button", "New group").ClickAsync(new());

        var form = cut.ByRole("region", "New group");
        form.ByRole("textbox", "Group name");
        Assert.Equal(["Open: anyone, any week", "Closed: an enrolled group for a planned number of sessions"], form.ByRole("radiogroup", "Who may come").AllByRole("radio").Select(Accessible.NameOf));
        form.ByRole("button", "Create group");
        Assert.False(cut.HasRole("button", "New group"));
    }

    [Fact]
    public async Task AnEmptyName_IsExplainedNextToTheField_AndNothingIsCreated()
    {
        var cut = Render();
        await cut.ByRole("button", "New group").ClickAsync(new());

        await cut.ByRole("button", "Create group").ClickAsync(new());

        var name = cut.ByRole("textbox", "Group name");
        var alert = Assert.Single(Accessible.DescribedBy(name));
        Assert.Equal("alert", Accessible.RoleOf(alert));
        Assert.Equal("Please enter a group name.", Accessible.TextOf(alert));
        Assert.Equal("true", name.GetAttribute("aria-invalid"));
        Assert.Empty(await Groups.GroupsAsync());
    }

    [Fact]
    public async Task CreateGroup_CreatesIt_AndOpensItsPage()
    {
        var cut = Render();
        await cut.ByRole("button", "New group").ClickAsync(new());

        await cut.ByRole("textbox", "Group name").InputAsync(new() { Value = "Tuesday circle" });
        await cut.ByRole("button", "Create group").ClickAsync(new());

        var group = Assert.Single(await Groups.GroupsAsync());
        Assert.Equal(("Tuesday circle", GroupKind.Open, (int?)null), (group.Name, group.Kind, group.PlannedSessions));
        Assert.Equal($"http://localhost/groups/{group.Id}", Address);
    }

    [Fact]
    public async Task TheGroupNamesForm_CreatesTheGroup_SoEnterInTheFieldDoes()
    {
        var cut = Render();
        await cut.ByRole("button", "New group").ClickAsync(new());

        await cut.ByRole("textbox", "Group name").InputAsync(new() { Value = "Carers' circle" });
        var form = cut.ByRole("textbox", "Group name").Closest("form")!;
        Assert.Equal("submit", form.ByRole("button", "Create group").GetAttribute("type"));
        await form.SubmitAsync();

        Assert.Equal("Carers' circle", Assert.Single(await Groups.GroupsAsync()).Name);
    }

    [Fact]
    public async Task AClosedGroup_PlansItsSessions()
    {
        var cut = Render();
        await cut.ByRole("button", "New group").ClickAsync(new());
        await cut.ByRole("textbox", "Group name").InputAsync(new() { Value = "Grief group" });

        await cut.ByRole("radio", "Closed: an enrolled group for a planned number of sessions").ClickAsync(new());
        await cut.ByRole("button", "Create group").ClickAsync(new());

        var group = Assert.Single(await Groups.GroupsAsync());
        Assert.Equal((GroupKind.Closed, (int?)8), (group.Kind, group.PlannedSessions));
    }

    [Fact]
    public async Task Groups_AndTheirRecentMeetings_AreListedAsLinks()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);

        var cut = Render();

        Assert.Equal($"/groups/{meeting.Group.Id}", cut.ByRole("list", "Groups").ByRole("link", "Tuesday circle").GetAttribute("href"));
        Assert.Equal($"/meetings/{meeting.Id.Value}", cut.ByRole("list", "Recent meetings").ByRole("link", "Tuesday circle, meeting 1").GetAttribute("href"));
        Assert.Contains("not started", Accessible.TextOf(cut.ByRole("list", "Recent meetings")), StringComparison.Ordinal);
    }
}
