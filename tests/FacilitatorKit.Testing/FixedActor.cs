using FacilitatorKit.Application.Ports;
using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Testing;

/// <summary>A device that always acts as the same actor: for tests and tools that have no browser circuit.</summary>
public sealed class FixedActor(Actor? actor) : ICurrentActor
{
    public Actor? Actor { get; } = actor;
}
