using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Application.Ports;

/// <summary>
/// Who the device in this scope (one browser circuit) acts as: the one seam that says who is acting. The use cases
/// read it here and stamp it onto what they do, so no screen passes an actor along. Null: nobody, and nothing is allowed.
/// </summary>
public interface ICurrentActor
{
    Actor? Actor { get; }

    /// <summary>
    /// The device this scope acts from (an invited device, or a facilitator's signed-in browser), recorded with what
    /// it does so that the log says which device ended a meeting. Never a name. Null for work done outside any device.
    /// </summary>
    Guid? Device => null;
}
