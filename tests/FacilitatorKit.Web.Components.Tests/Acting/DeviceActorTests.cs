using FacilitatorKit.Application.Ports;
using FacilitatorKit.Web.Acting;

namespace FacilitatorKit.Web.Components.Tests.Acting;

/// <summary>Issue 12 §4: what a device does is recorded with its id (never a name), read through the one seam the use cases read.</summary>
public class DeviceActorTests
{
    [Fact]
    public void EachBrowserCircuit_IsADeviceOfItsOwn_SeenThroughICurrentActor()
    {
        ICurrentActor laptop = new DeviceActor();
        ICurrentActor tablet = new DeviceActor();

        Assert.NotNull(laptop.Device);
        Assert.NotEqual(Guid.Empty, laptop.Device);
        Assert.NotEqual(laptop.Device, tablet.Device);
        Assert.Equal(laptop.Device, laptop.Device);
    }
}
