using FacilitatorKit.Web.Tests.Pages;
using FacilitatorKit.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace FacilitatorKit.Web.Tests;

/// <summary>Issue 4 §5: the format of a new meeting defaults to the group's last format.</summary>
public sealed class GroupPageTests(WebAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task TheFormat_DefaultsToPeerSupportCircle_ThenToTheGroupsLastFormat()
    {
        var page = (await OpenDeviceAsync("facilitator")).Page;
        var groupId = await SeedGroupAsync("Alex", "Blake");
        var group = await new GroupPage(page).GotoAsync(groupId);

        await group.OpenNewMeetingAsync();
        await Expect(group.FormatBox).ToHaveValueAsync(PeerSupportCircle);
        await group.CreateMeetingAsync(ShortCheckIn);

        await group.GotoAsync(groupId);
        await group.OpenNewMeetingAsync();
        await Expect(group.FormatBox).ToHaveValueAsync(ShortCheckIn);
    }
}
