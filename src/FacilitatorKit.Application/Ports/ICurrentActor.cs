using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Application.Ports;

/// <summary>
/// Who the device in this scope (one browser circuit) acts as: the one seam that says who is acting. The use cases
/// read it here and stamp it onto what they do, so no screen passes an actor along. Null: nobody, and nothing is allowed.
/// </summary>
public interface ICurrentActor
{
    Actor? Actor { get; }
}
