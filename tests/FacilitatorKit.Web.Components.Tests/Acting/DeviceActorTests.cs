using System.Security.Claims;
using FacilitatorKit.Application.Ports;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Web.Access;
using FacilitatorKit.Web.Acting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace FacilitatorKit.Web.Components.Tests.Acting;

/// <summary>
/// Issue 12 §4: what a device does is recorded with its id (never a name), read through the one seam the use cases
/// read; the id and the role come from the device's sign-in, never from the page alone.
/// </summary>
public class DeviceActorTests
{
    [Fact]
    public async Task ADevice_IsTheOneItsSignInNames_SeenThroughICurrentActor()
    {
        var laptop = new Who(Guid.NewGuid(), Guid.NewGuid(), null, null, null, null);
        var tablet = new Who(Guid.NewGuid(), Guid.NewGuid(), null, null, null, null);
        var onLaptop = Acting(laptop.ToPrincipal());
        var onTablet = Acting(tablet.ToPrincipal());

        Assert.True(await onLaptop.ActOnPageAsync(Actor.Facilitator, null));
        Assert.True(await onTablet.ActOnPageAsync(Actor.CoFacilitator, MeetingId.New()));

        ICurrentActor seenOnLaptop = onLaptop, seenOnTablet = onTablet;
        Assert.Equal(laptop.Device, seenOnLaptop.Device);
        Assert.Equal(tablet.Device, seenOnTablet.Device);
        Assert.Equal(Role.Facilitator, seenOnLaptop.Actor?.Role);
        Assert.Equal(Role.CoFacilitator, seenOnTablet.Actor?.Role);
    }

    [Fact]
    public async Task WithoutASignIn_OrOutsideItsInvite_ADeviceIsNobody()
    {
        var nobody = Acting(new ClaimsPrincipal(new ClaimsIdentity()));
        Assert.False(await nobody.ActOnPageAsync(Actor.Facilitator, null));
        Assert.Null(((ICurrentActor)nobody).Actor);

        var meeting = MeetingId.New();
        var display = Acting(new Who(Guid.NewGuid(), null, null, Guid.NewGuid(), meeting.Value, Role.Display).ToPrincipal());
        Assert.False(await display.ActOnPageAsync(Actor.Facilitator, meeting)); // a display link asking for the console
        Assert.Null(((ICurrentActor)display).Actor);
        Assert.False(await display.ActOnPageAsync(Actor.Display, MeetingId.New())); // another meeting's display
        Assert.Null(((ICurrentActor)display).Actor);
    }

    private static DeviceActor Acting(ClaimsPrincipal user)
    {
        var services = new ServiceCollection().AddSingleton<AuthenticationStateProvider>(new SignedIn(user)).BuildServiceProvider();
        return new DeviceActor(services);
    }

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
