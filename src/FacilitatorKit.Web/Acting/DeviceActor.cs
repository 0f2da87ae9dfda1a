using FacilitatorKit.Application.Ports;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Web.Access;
using Microsoft.AspNetCore.Components.Authorization;

namespace FacilitatorKit.Web.Acting;

/// <summary>
/// Who this device (this browser circuit) acts as: the one place the Web decides it. A page asks to act in its role
/// (<see cref="ActOnPageAsync"/>), and gets it only if the device's sign-in allows it: a facilitator's account acts
/// in the role of the page it opened (the console as the facilitator, the co-facilitator view as a co-facilitator);
/// an invited device only in its invite's role, in its invite's meeting, and only while the invite lasts (checked at
/// each press, so revoking a device stops it at once). Otherwise the device is nobody and may do nothing.
/// </summary>
public sealed class DeviceActor(IServiceProvider services) : ICurrentActor
{
    private Actor? _actor;
    private Who? _who;
    private Invites? _invites;

    public Actor? Actor => _actor is not null && (_who?.Invite is null || _invites?.IsActive(_who.Device) == true) ? _actor : null;

    public Guid? Device => _who?.Device;

    /// <summary>The sign-in of this device, once a page has asked (null for tools and tests acting without a browser).</summary>
    public Who? Who => _who;

    public Role? Role => Actor?.Role;

    /// <summary>
    /// For work done outside any browser (tools, tests, start-up; see FacilitatorKitApp.ScopeActingAs): acts as
    /// <paramref name="actor"/>. Pages never call this; they call <see cref="ActOnPageAsync"/>.
    /// </summary>
    public void ActAs(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        _actor = actor;
    }

    /// <summary>
    /// A page of <paramref name="meeting"/> (or none: the groups) asks to act as <paramref name="page"/>. True when this
    /// device's sign-in allows it; otherwise the device acts as nobody.
    /// </summary>
    public async Task<bool> ActOnPageAsync(Actor page, MeetingId? meeting)
    {
        var state = services.GetService<AuthenticationStateProvider>() is { } auth ? await auth.GetAuthenticationStateAsync().ConfigureAwait(false) : null;
        return await ActForAsync(state?.User, page, meeting).ConfigureAwait(false);
    }

    /// <summary>The same for a plain request (a download): its user, as its cookie says.</summary>
    public async Task<bool> ActForAsync(System.Security.Claims.ClaimsPrincipal? user, Actor page, MeetingId? meeting)
    {
        ArgumentNullException.ThrowIfNull(page);
        _actor = null;
        _who = Who.Of(user);
        if (_who is null)
        {
            return false;
        }

        var allowed = _who.IsFacilitator
            ? page.Role != Engine.Roles.Role.Member
            : meeting is { } m && _who.InvitedTo(m.Value, page.Role);
        if (!allowed)
        {
            return false;
        }

        if (_who.Invite is not null)
        {
            _invites = services.GetRequiredService<Invites>();
            await _invites.LoadAsync().ConfigureAwait(false);
        }

        _actor = page;
        return true;
    }

    /// <summary>A member's phone now acts as the member it says it is (null: as no one in particular yet).</summary>
    public void BecomeSelf(ParticipantId? self)
    {
        if (_actor is { Role: Engine.Roles.Role.Member })
        {
            _actor = self is { } me ? Engine.Roles.Actor.Member(me) : new Actor(Engine.Roles.Role.Member);
        }
    }
}
