using FacilitatorKit.Application.Groups;
using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Application.Notes;
using FacilitatorKit.Application.Summaries;
using FacilitatorKit.Application.Validation.Commands;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FacilitatorKit.Application;

public static class ApplicationServices
{
    /// <summary>
    /// The use cases and every validator in this assembly. The ports (IMeetingLog, IGroupRepository, INoteRepository,
    /// ISummaryRepository, ILiveChanges) come from storage, and ICurrentActor from the host: one per scope, that is, per browser circuit.
    /// </summary>
    public static IServiceCollection AddFacilitatorKitApplication(this IServiceCollection services)
    {
        // Validators hold no state (a command's meeting travels in its validation context), so one of each will do.
        services.AddValidatorsFromAssemblyContaining<CommandValidation>(ServiceLifetime.Singleton);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CommandValidation>();
        services.AddSingleton<MeetingSessions>();
        services.AddSingleton<NoteService>();
        services.AddSingleton<Retention.NoteRetention>();
        services.AddScoped<GroupService>();
        services.AddScoped<SummaryService>();
        return services;
    }
}
