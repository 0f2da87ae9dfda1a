using FacilitatorKit.Application.Ports;
using FacilitatorKit.Data.Access;
using FacilitatorKit.Data.Groups;
using FacilitatorKit.Data.Live;
using FacilitatorKit.Data.Notes;
using FacilitatorKit.Data.Sessions;
using FacilitatorKit.Data.Summaries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FacilitatorKit.Data;

public static class StoreServices
{
    /// <summary>The SQLite store behind the application's ports, on this connection string, and live changes within this process.</summary>
    public static IServiceCollection AddFacilitatorKitStore(this IServiceCollection services, string connectionString)
    {
        services.AddDbContextFactory<FacilitatorKitDb>(options => StoreSetup.Configure(options, connectionString));
        services.AddSingleton(s => new MeetingLog(s.GetRequiredService<IDbContextFactory<FacilitatorKitDb>>(), connectionString));
        services.AddSingleton<IMeetingLog>(s => s.GetRequiredService<MeetingLog>());
        services.AddSingleton<IGroupRepository, GroupRepository>();
        services.AddSingleton<IAccessRepository, AccessRepository>();
        services.TryAddSingleton<INoteRepository, NoteRepository>(); // a tool or test may bring its own (a store that fails on purpose)
        services.AddSingleton<ISummaryRepository, SummaryRepository>();
        services.AddSingleton<ILiveChanges, InProcessLiveChanges>();
        services.AddSingleton<Export.GroupExport>();
        return services;
    }
}
