using FacilitatorKit.Application;
using FacilitatorKit.Application.Ports;
using FacilitatorKit.Data;
using FacilitatorKit.Web.Acting;
using FacilitatorKit.Web.Look;
using FacilitatorKit.Web.Notes;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace FacilitatorKit.Web.Components.Tests.Support;

/// <summary>
/// The services the pages and components inject, registered as the app registers them. This MIRRORS
/// <see cref="FacilitatorKitApp.Build"/> (src/FacilitatorKit.Web/FacilitatorKitApp.cs): keep the two in step. Only the
/// clock is the test's, and there is no web host (no request localization, no static assets).
/// </summary>
public static class AppServices
{
    public static IServiceCollection AddFacilitatorKitWeb(this IServiceCollection services, string connectionString, TimeProvider clock)
    {
        services.AddSingleton(clock); // before anything that TryAdds TimeProvider.System (the application, MudBlazor)
        services.AddFacilitatorKitStore(connectionString);
        services.AddFacilitatorKitApplication();
        services.AddScoped<DeviceActor>();
        services.AddScoped<ICurrentActor>(s => s.GetRequiredService<DeviceActor>());
        services.AddSingleton<FacilitatorKit.Web.Access.FacilitatorAccounts>();
        services.AddSingleton<FacilitatorKit.Web.Access.Invites>();
        services.AddSingleton<FacilitatorKit.Web.Access.TriesThrottle>();
        services.AddSingleton<FacilitatorKit.Web.Access.RoomAddress>();
        services.AddSingleton<NoteScreens>();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddSingleton<Words>();
        services.AddSingleton<FacilitatorKit.Web.Summaries.SummaryText>();
        services.AddScoped<DeviceClock>();
        services.AddMudServices(mud =>
        {
            mud.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomCenter;
            mud.SnackbarConfiguration.PreventDuplicates = false;
            mud.SnackbarConfiguration.VisibleStateDuration = 8000;
            mud.SnackbarConfiguration.ShowCloseIcon = true;
        });
        services.AddSingleton(BusyCue.Default);
        return services;
    }
}
