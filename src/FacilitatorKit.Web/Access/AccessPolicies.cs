using FacilitatorKit.Application.Ports;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Roles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace FacilitatorKit.Web.Access;

/// <summary>
/// Who may open which page. Every page needs a sign-in or an invite (the fallback policy); these say which. Checked
/// for each request, and again by the router inside a live view (AuthorizeRouteView), so a view cannot navigate its
/// way to a page its invite does not open.
/// </summary>
public static class AccessPolicies
{
    /// <summary>Signed-in facilitators: the groups list.</summary>
    public const string Facilitator = "facilitator";

    /// <summary>A facilitator of the group in the address (its page, its export).</summary>
    public const string GroupFacilitator = "group-facilitator";

    /// <summary>The facilitator's console of the meeting in the address.</summary>
    public const string Console = "console";

    /// <summary>The co-facilitator view (and the summary): a facilitator, or a device invited as co-facilitator.</summary>
    public const string CoFacilitator = "co-facilitator";

    /// <summary>The room display: a facilitator, or a device invited as co-facilitator or display.</summary>
    public const string Display = "display";

    /// <summary>A member's own view on their phone: a device invited as a member.</summary>
    public const string Member = "member";

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.FallbackPolicy = new AuthorizationPolicyBuilder(Who.Scheme).RequireAuthenticatedUser().Build();
        options.AddPolicy(Facilitator, p => p.AddAuthenticationSchemes(Who.Scheme).AddRequirements(new SignedInFacilitator()));
        options.AddPolicy(GroupFacilitator, p => p.AddAuthenticationSchemes(Who.Scheme).AddRequirements(new OpensGroup()));
        options.AddPolicy(Console, p => p.AddAuthenticationSchemes(Who.Scheme).AddRequirements(new OpensMeeting(Role.Facilitator)));
        options.AddPolicy(CoFacilitator, p => p.AddAuthenticationSchemes(Who.Scheme).AddRequirements(new OpensMeeting(Role.CoFacilitator)));
        options.AddPolicy(Display, p => p.AddAuthenticationSchemes(Who.Scheme).AddRequirements(new OpensMeeting(Role.Display)));
        options.AddPolicy(Member, p => p.AddAuthenticationSchemes(Who.Scheme).AddRequirements(new OpensMeeting(Role.Member)));
    }

    /// <summary>The "Id" in the address, from the request (endpoint) or from the router's route data (in a live view).</summary>
    internal static Guid? IdOf(object? resource)
    {
        var value = resource switch
        {
            HttpContext http => http.GetRouteValue("id"),
            Microsoft.AspNetCore.Components.RouteData route => route.RouteValues.FirstOrDefault(v => string.Equals(v.Key, "id", StringComparison.OrdinalIgnoreCase)).Value,
            _ => null,
        };
        return value is Guid id ? id : Guid.TryParse(value?.ToString(), out var parsed) ? parsed : null;
    }
}

/// <summary>A page of one meeting, in one role.</summary>
public sealed record OpensMeeting(Role Page) : IAuthorizationRequirement;

/// <summary>A page of one group.</summary>
public sealed record OpensGroup : IAuthorizationRequirement;

/// <summary>A facilitator's page that is not of one group (the groups list).</summary>
public sealed record SignedInFacilitator : IAuthorizationRequirement;

public sealed class AccessHandler(IGroupRepository groups, Invites invites, FacilitatorAccounts accounts) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var who = Who.Of(context.User);

        // The cookie's claims, and that they still hold now: inside a live view the router asks again without a
        // request, so a revoked device or a removed account is checked here too, not only by the cookie's validation.
        if (who is { IsFacilitator: false })
        {
            await invites.LoadAsync().ConfigureAwait(false);
        }

        if (who is not null && !(who.IsFacilitator ? await accounts.ExistsAsync(who.Account!.Value).ConfigureAwait(false) : invites.IsActive(who.Device)))
        {
            who = null;
        }

        // Only this app's own requirements: the framework's (a signed-in user, an assertion) answer for themselves.
        foreach (var requirement in context.PendingRequirements.Where(r => r is OpensGroup or OpensMeeting or SignedInFacilitator).ToList())
        {
            var allowed = requirement switch
            {
                SignedInFacilitator => who is { IsFacilitator: true },
                OpensGroup => who is not null && AccessPolicies.IdOf(context.Resource) is { } group && who.Facilitates(group),
                OpensMeeting meeting => who is not null && AccessPolicies.IdOf(context.Resource) is { } id && await OpensAsync(who, id, meeting.Page).ConfigureAwait(false),
                _ => false,
            };
            if (allowed)
            {
                context.Succeed(requirement);
            }
        }
    }

    private async Task<bool> OpensAsync(Who who, Guid meeting, Role page)
    {
        if (who.IsFacilitator)
        {
            // A facilitator opens every view of their groups' meetings (one of every group needs no read, and sees the
            // calm "not found" of a meeting that is gone), but not a member's own phone view.
            return page != Role.Member
                && (who.AccountGroup is null
                    || (await groups.GroupOfMeetingAsync(new MeetingId(meeting)).ConfigureAwait(false) is { } group && who.Facilitates(group.Id)));
        }

        return who.InvitedTo(meeting, page);
    }
}
