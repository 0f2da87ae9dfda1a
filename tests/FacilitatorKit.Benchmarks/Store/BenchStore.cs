using System.Data.Common;
using FacilitatorKit.Application;
using FacilitatorKit.Application.Groups;
using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Application.Validation.Commands;
using FacilitatorKit.Data;
using FacilitatorKit.Data.Groups;
using FacilitatorKit.Data.Live;
using FacilitatorKit.Data.Sessions;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace FacilitatorKit.Benchmarks.Store;

/// <summary>
/// A real store on a database file in a temporary folder (on disk, not :memory:), opened as the app opens it:
/// <see cref="StoreSetup.Initialize"/>, WAL, synchronous=FULL, and the default connection string (pooling on).
/// One log writer and one set of sessions, as in a running server; <see cref="RestartAsync"/> starts both afresh.
/// </summary>
public sealed class BenchStore : IAsyncDisposable
{
    public const string FormatName = "Benchmark evening";

    /// <summary>A welcome, then a long raise-hand discussion with a 3-minute turn limit (so turns can be extended).</summary>
    private const string FormatJson = """
        { "name": "Benchmark evening", "items": [
          { "title": "Welcome", "kind": "Opening", "minutes": 5 },
          { "title": "Open discussion", "kind": "OpenDiscussion", "minutes": 120, "turnOrder": "RaiseHand", "turnLimitMinutes": 3 },
          { "title": "Closing", "kind": "Closing", "minutes": 5 } ] }
        """;

    private static readonly string[] Names = ["Ana", "Ben", "Cai", "Dee", "Eli", "Fay", "Gus", "Hal", "Ivy", "Jo", "Kit", "Lou"];

    private readonly bool _deleteFolder;

    public BenchStore(string? folder = null, TimeProvider? clock = null)
    {
        _deleteFolder = folder is null;
        Folder = folder ?? Directory.CreateTempSubdirectory("fk-store-bench-").FullName;
        Path = System.IO.Path.Combine(Folder, "bench.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path }.ToString();
        Clock = clock ?? TimeProvider.System;
        if (!File.Exists(Path))
        {
            StoreSetup.Initialize(ConnectionString);
        }

        Contexts = new ContextFactory(ConnectionString, Opens);
        Open();
    }

    public string Folder { get; }
    public string Path { get; }
    public string ConnectionString { get; }
    public TimeProvider Clock { get; }

    /// <summary>Counts connection opens. The log writer opens one per batch, so during a run of submits: commits (fsyncs).</summary>
    public OpenCounter Opens { get; } = new();

    /// <summary>The validators, found in DI once per process as the app finds them.</summary>
    public static CommandValidation Validation { get; } =
        new ServiceCollection().AddFacilitatorKitApplication().BuildServiceProvider().GetRequiredService<CommandValidation>();

    public IDbContextFactory<FacilitatorKitDb> Contexts { get; }
    public MeetingLog Log { get; private set; } = null!;
    public MeetingSessions Sessions { get; private set; } = null!;
    public GroupService Groups => new(new GroupRepository(Contexts), Sessions, new Testing.FixedActor(Actor.Facilitator), new NewGroupValidator(), new GroupSettingsValidator(), Clock);

    /// <summary>A new log writer and sessions on this store, as the app makes them at start-up (for restore measurements).</summary>
    public (MeetingLog Log, MeetingSessions Sessions) OpenAgain()
    {
        var log = new MeetingLog(Contexts);
        return (log, new MeetingSessions(log, new InProcessLiveChanges(), Validation, Clock));
    }

    /// <summary>As after a restart: a new log writer, no sessions in memory, and no pooled connections.</summary>
    public async Task RestartAsync()
    {
        await CloseAsync();
        SqliteConnection.ClearAllPools();
        Open();
    }

    /// <summary>Adds the benchmark format to the store, as seeding does for the built-in ones.</summary>
    public async Task AddFormatAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        if (!await db.Formats.AnyAsync(f => f.Name == FormatName))
        {
            db.Formats.Add(new FormatRecord { Name = FormatName, Json = FormatJson, BuiltIn = true });
            await db.SaveChangesAsync();
        }
    }

    /// <summary>
    /// A group of twelve members and its meeting, set up through <see cref="GroupStore.StartNewMeetingAsync"/>,
    /// started, moved on to the open discussion, with someone speaking: ready for <see cref="CommandCycle"/>.
    /// </summary>
    public async Task<MeetingSession> NewRunningMeetingAsync(int number)
    {
        var groups = Groups;
        var group = (await groups.CreateGroupAsync(new NewGroup($"Circle {number}"))).Value
            ?? throw new InvalidOperationException("The group was refused.");
        var members = new List<Guid>();
        foreach (var name in Names)
        {
            members.Add(((await groups.AddMemberAsync(group.Id, name, volunteersForChair: true)).Value
                ?? throw new InvalidOperationException("The member was refused.")).Id);
        }

        var created = await groups.StartNewMeetingAsync(group.Id, FormatName, members, members[0]);
        if (!created.IsValid)
        {
            throw new InvalidOperationException("The meeting was refused: " + string.Join("; ", created.Errors.Select(e => e.Code)));
        }

        var session = (await Sessions.GetAsync(created.Value!.Meeting))!;
        var f = Actor.Facilitator;
        await CommandCycle.SubmitAcceptedAsync(session, new StartMeeting(CommandId.New()) { Actor = f });
        await CommandCycle.SubmitAcceptedAsync(session, new NextItem(CommandId.New(), session.State.CurrentItemId) { Actor = f });
        await CommandCycle.SubmitAcceptedAsync(session, new RaiseHand(CommandId.New(), new(members[1])) { Actor = f });
        await CommandCycle.SubmitAcceptedAsync(session, new NextSpeaker(CommandId.New(), null) { Actor = f });
        return session;
    }

    public long StoredEvents()
    {
        using var db = Contexts.CreateDbContext();
        return db.MeetingEvents.LongCount();
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        SqliteConnection.ClearAllPools();
        if (_deleteFolder)
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean up with the rest of the temporary folder.
            }
        }
    }

    private void Open() => (Log, Sessions) = OpenAgain();

    private async Task CloseAsync()
    {
        Sessions.Dispose();
        await Log.DisposeAsync();
    }

    /// <summary>One options instance for every context, as <c>AddDbContextFactory</c> keeps them.</summary>
    private sealed class ContextFactory : IDbContextFactory<FacilitatorKitDb>
    {
        private readonly DbContextOptions<FacilitatorKitDb> _options;

        public ContextFactory(string connectionString, OpenCounter opens)
        {
            var builder = new DbContextOptionsBuilder<FacilitatorKitDb>();
            StoreSetup.Configure(builder, connectionString).AddInterceptors(opens);
            _options = builder.Options;
        }

        public FacilitatorKitDb CreateDbContext() => new(_options);
    }

    public sealed class OpenCounter : DbConnectionInterceptor
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Interlocked.Increment(ref _count);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }
    }
}
