using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Rendering;

namespace FacilitatorKit.Web.Access;

/// <summary>
/// The router's view of a page, checked against the page's policy inside the live view (when a view moves to another
/// page without a request: the request's own check, by the endpoint, has already run for the first page). A page a
/// device may not open renders as "This page is not open to this device". One component, where AuthorizeRouteView
/// and a cascading authentication state would add several to every live view (memory per view, docs/benchmarks.md).
/// </summary>
public sealed class AccessRouteView : RouteView, IComponent
{
    private bool _allowed;

    [Inject]
    private AuthenticationStateProvider Authentication { get; set; } = null!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = null!;

    [Inject]
    private IAuthorizationPolicyProvider Policies { get; set; } = null!;

    [Inject]
    private Words Words { get; set; } = null!;

    // RouteView's is not virtual: the renderer calls this one, which checks first, then lets RouteView render.
    async Task IComponent.SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);
        var user = (await Authentication.GetAuthenticationStateAsync()).User;
        var data = RouteData.PageType.GetCustomAttributes(inherit: true).OfType<IAuthorizeData>().ToList();
        var allowAnonymous = RouteData.PageType.GetCustomAttributes(inherit: true).OfType<IAllowAnonymous>().Any();
        var policy = await AuthorizationPolicy.CombineAsync(Policies, data) ?? await Policies.GetFallbackPolicyAsync();
        _allowed = allowAnonymous || policy is null || (await Authorization.AuthorizeAsync(user, RouteData, policy)).Succeeded;
        await base.SetParametersAsync(parameters);
    }

    protected override void Render(RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (_allowed)
        {
            base.Render(builder);
            return;
        }

        builder.OpenElement(0, "main");
        builder.AddAttribute(1, "id", "main");
        builder.AddAttribute(2, "class", "access-page");
        builder.OpenElement(3, "h1");
        builder.AddContent(4, Words["Access.NotThisPage"]);
        builder.CloseElement();
        builder.OpenElement(5, "p");
        builder.AddContent(6, Words["Access.NotThisPageHint"]);
        builder.CloseElement();
        builder.OpenElement(7, "p");
        builder.OpenElement(8, "a");
        builder.AddAttribute(9, "href", "/sign-in");
        builder.AddAttribute(10, "data-enhance-nav", "false");
        builder.AddContent(11, Words["Access.FacilitatorSignIn"]);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    }
}
