using Microsoft.Playwright;

namespace FacilitatorKit.Web.Tests.Pages;

/// <summary>`/meetings/{id}/follow`: the co-facilitator's tablet view.</summary>
public sealed class FollowPage(IPage page) : RunningMeetingPage(page)
{
    protected override string Path(Guid meeting) => $"/meetings/{meeting}/follow";
}
