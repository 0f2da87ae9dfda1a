using FacilitatorKit.Application;
using FacilitatorKit.Application.Groups;
using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Application.Notes;
using FacilitatorKit.Application.Ports;
using FacilitatorKit.Data;
using FacilitatorKit.Data.Sessions;
using FacilitatorKit.Engine.Roles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FacilitatorKit.Testing;

/// <summary>
/// The store and the use cases on one database file, composed as the app composes them, for a device that acts as
/// one actor (the facilitator unless told otherwise). Dispose it, or <see cref="RestartAsync"/>, to stop its log
/// writer: as after a restart, nothing is left in memory.
/// </summary>
public sealed class StoreHost : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly TimeProvider _clock;
    private readonly Actor? _actor;
    private readonly Action<IServiceCollection>? _more;
    private ServiceProvider _services;
    private AsyncServiceScope _scope;

    private StoreHost(string connectionString, TimeProvider clock, Actor? actor, Action<IServiceCollection>? more)
    {
        _connectionString = connectionString;
        _clock = clock;
        _actor = actor;
        _more = more;
        (_services, _scope) = Compose();
    }

    /// <summary>Opens (creating and upgrading it if need be) the store on this connection string.</summary>
    public static StoreHost Open(string connectionString, TimeProvider? clock = null, Actor? actor = null, Action<IServiceCollection>? more = null, string? formatsFolder = null)
    {
        StoreSetup.Initialize(connectionString, formatsFolder);
        return new(connectionString, clock ?? TimeProvider.System, actor ?? Actor.Facilitator, more);
    }

    public IServiceProvider Services => _scope.ServiceProvider;
    public MeetingSessions Sessions => Services.GetRequiredService<MeetingSessions>();
    public MeetingLog Log => Services.GetRequiredService<MeetingLog>();
    public GroupService Groups => Services.GetRequiredService<GroupService>();
    public NoteService Notes => Services.GetRequiredService<NoteService>();
    public ILiveChanges Live => Services.GetRequiredService<ILiveChanges>();
    public IDbContextFactory<FacilitatorKitDb> Contexts => Services.GetRequiredService<IDbContextFactory<FacilitatorKitDb>>();

    /// <summary>The same store for a device that acts as someone else.</summary>
    public T As<T>(Actor? actor, Func<IServiceProvider, T> use)
    {
        ArgumentNullException.ThrowIfNull(use);
        var scope = _services.CreateScope();
        ((SwitchableActor)scope.ServiceProvider.GetRequiredService<ICurrentActor>()).Actor = actor;
        return use(scope.ServiceProvider);
    }

    /// <summary>As after a restart: a new log writer and no sessions in memory.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        (_services, _scope) = Compose();
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task StopAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
    }

    private (ServiceProvider, AsyncServiceScope) Compose()
    {
        var services = new ServiceCollection();
        services.AddSingleton(_clock);
        services.AddFacilitatorKitStore(_connectionString);
        services.AddFacilitatorKitApplication();
        services.AddScoped<ICurrentActor>(_ => new SwitchableActor { Actor = _actor });
        _more?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        return (provider, provider.CreateAsyncScope());
    }

    private sealed class SwitchableActor : ICurrentActor
    {
        public Actor? Actor { get; set; }
    }
}
