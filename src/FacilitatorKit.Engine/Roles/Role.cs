namespace FacilitatorKit.Engine.Roles;

/// <summary>The role a device or person acts in during a meeting (DOMAIN.md, rule 6).</summary>
public enum Role
{
    Facilitator,
    CoFacilitator,
    Member,
    Display,
}
