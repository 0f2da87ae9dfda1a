using System.Reflection;
using FacilitatorKit.Web.Components.Layout;
using FacilitatorKit.Web.Components.Pages;
using Microsoft.AspNetCore.Components;

namespace FacilitatorKit.Web.Components.Tests.Pages;

/// <summary>Each page at the address the README gives it, and the room display without the controls' layout.</summary>
public class RoutesTests
{
    [Theory]
    [InlineData(typeof(Home), "/")]
    [InlineData(typeof(GroupPage), "/groups/{Id:guid}")]
    [InlineData(typeof(MeetingConsole), "/meetings/{Id:guid}")]
    [InlineData(typeof(FollowView), "/meetings/{Id:guid}/follow")]
    [InlineData(typeof(RoomDisplay), "/meetings/{Id:guid}/display")]
    [InlineData(typeof(MeetingSummaryPage), "/meetings/{Id:guid}/summary")]
    public void EveryPage_IsAtItsAddress(Type page, string address) =>
        Assert.Equal([address], page.GetCustomAttributes<RouteAttribute>().Select(r => r.Template));

    [Fact]
    public void OnlyTheRoomDisplay_HasTheBareLayout() =>
        Assert.Equal(
            [typeof(RoomDisplay)],
            typeof(Home).Assembly.GetTypes().Where(t => t.GetCustomAttribute<LayoutAttribute>()?.LayoutType == typeof(BareLayout)));
}
