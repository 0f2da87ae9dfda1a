using FacilitatorKit.Application.Ports;
using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Web.Acting;

/// <summary>
/// Who this device (this browser circuit) acts as: the one place the Web decides it. For now each page says so from
/// its address (the console acts as the facilitator, the co-facilitator view as a co-facilitator, the room display as
/// the display); until a page does, the device is nobody and may do nothing. Sign-in will replace what is inside.
/// </summary>
public sealed class DeviceActor : ICurrentActor
{
    public Actor? Actor { get; private set; }

    public Role? Role => Actor?.Role;

    /// <summary>
    /// This device, as the meeting log records it beside what it does (never a name). Until sign-in and invites exist,
    /// one browser circuit is one device: a reload is a new one.
    /// </summary>
    public Guid? Device { get; } = Guid.NewGuid();

    /// <summary>The page this device shows acts as <paramref name="actor"/>.</summary>
    public void ActAs(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Actor = actor;
    }
}
