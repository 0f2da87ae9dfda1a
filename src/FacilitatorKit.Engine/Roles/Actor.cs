namespace FacilitatorKit.Engine.Roles;

/// <summary>Who sends a command, and in which role. <see cref="Self"/> is the participant they are, if any.</summary>
public sealed record Actor(Role Role, ParticipantId? Self = null)
{
    public static Actor Facilitator { get; } = new(Role.Facilitator);
    public static Actor CoFacilitator { get; } = new(Role.CoFacilitator);
    public static Actor Display { get; } = new(Role.Display);
    public static Actor Member(ParticipantId self) => new(Role.Member, self);

    public bool IsFacilitatorRole => Role is Role.Facilitator or Role.CoFacilitator;
}
