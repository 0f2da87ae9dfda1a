using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Web.Access;

namespace FacilitatorKit.Web.Components.Tests.Access;

/// <summary>Which pages a sign-in opens (issue 12 §2): an invite opens its own role's page of its own meeting only.</summary>
public sealed class WhoTests
{
    private static readonly Guid Meeting = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();

    [Theory]
    [InlineData(Role.CoFacilitator, Role.CoFacilitator, true)]
    [InlineData(Role.CoFacilitator, Role.Display, true)]
    [InlineData(Role.CoFacilitator, Role.Facilitator, false)]
    [InlineData(Role.CoFacilitator, Role.Member, false)]
    [InlineData(Role.Display, Role.Display, true)]
    [InlineData(Role.Display, Role.CoFacilitator, false)]
    [InlineData(Role.Display, Role.Facilitator, false)]
    [InlineData(Role.Display, Role.Member, false)]
    [InlineData(Role.Member, Role.Member, true)]
    [InlineData(Role.Member, Role.Display, false)]
    [InlineData(Role.Member, Role.CoFacilitator, false)]
    [InlineData(Role.Member, Role.Facilitator, false)]
    public void AnInvite_OpensOnlyItsOwnPages_OfItsOwnMeeting(Role invitedAs, Role page, bool opens)
    {
        var who = new Who(Guid.NewGuid(), null, null, Guid.NewGuid(), Meeting, invitedAs);

        Assert.Equal(opens, who.InvitedTo(Meeting, page));
        Assert.False(who.InvitedTo(Other, page));
        Assert.False(who.IsFacilitator);
    }

    [Fact]
    public void TheCookiesClaims_ReadBackAsTheSameSignIn_AndHoldNoName()
    {
        var who = new Who(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, null, null);
        var principal = who.ToPrincipal();

        Assert.Equal(who, Who.Of(principal));
        Assert.True(who.Facilitates(who.AccountGroup!.Value));
        Assert.False(who.Facilitates(Guid.NewGuid()));
        Assert.All(principal.Claims, c => Assert.True(Guid.TryParse(c.Value, out _), $"{c.Type} holds {c.Value}, not an id"));
    }
}
