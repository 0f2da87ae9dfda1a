using FacilitatorKit.Application.Groups;
using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Application.Notes;
using FacilitatorKit.Data;
using FacilitatorKit.Data.Sessions;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using Microsoft.Extensions.Time.Testing;

namespace FacilitatorKit.Testing;

/// <summary>The store on a temporary file with a fake clock, composed as the app composes it, and helpers to open and drive meetings.</summary>
public sealed class SessionFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 19, 0, 0, TimeSpan.Zero);

    public static MeetingFormat Format { get; } = new("Short check-in",
    [
        new("Welcome", AgendaItemKind.Opening, TimeSpan.FromMinutes(3)),
        new("Check-in", AgendaItemKind.CheckIn, TimeSpan.FromMinutes(20), TurnPolicy.GoRound, TimeSpan.FromMinutes(2)),
        new("Open discussion", AgendaItemKind.OpenDiscussion, TimeSpan.FromMinutes(17), TurnPolicy.RaiseHand, TimeSpan.FromMinutes(3)),
    ]);

    private readonly TempDatabase _db = new();

    public SessionFixture(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? more = null)
    {
        Host = StoreHost.Open(_db.ConnectionString, Clock, more: more);
    }

    public FakeTimeProvider Clock { get; } = new(Start);
    public StoreHost Host { get; }
    public GroupService Groups => Host.Groups;
    public NoteService Notes => Host.Notes;
    public MeetingLog Log => Host.Log;
    public MeetingSessions Sessions => Host.Sessions;
    public TempDatabase Database => _db;

    /// <summary>Adds the format to the store, as seeding does for the built-in ones.</summary>
    public async Task AddFormatAsync(string json)
    {
        await using var db = _db.Contexts.CreateDbContext();
        var format = FacilitatorKit.Application.Formats.FormatFile.Parse(json);
        db.Formats.Add(new FormatRecord { Name = format.Name, Json = json, BuiltIn = true });
        await db.SaveChangesAsync();
    }

    /// <summary>As after a restart: a new log writer and no sessions in memory.</summary>
    public Task RestartAsync() => Host.RestartAsync();

    /// <summary>Creates a group and a meeting row, and sets the meeting up through its session.</summary>
    public async Task<(MeetingSession Session, Participant[] People)> NewMeetingAsync(params string[] names)
    {
        var groupId = Guid.NewGuid();
        var meetingId = MeetingId.New();
        await using (var db = _db.Contexts.CreateDbContext())
        {
            db.Groups.Add(new GroupRecord { Id = groupId, Name = "Tuesday circle", CreatedAt = Start });
            db.Meetings.Add(new MeetingRecord { Id = meetingId.Value, GroupId = groupId, Number = 1, FormatName = Format.Name, CreatedAt = Start });
            await db.SaveChangesAsync();
        }

        var session = (await Sessions.GetAsync(meetingId))!;
        var people = names.Select(n => new Participant(ParticipantId.New(), n)).ToArray();
        var outcome = await session.SubmitAsync(new SetUpMeeting(CommandId.New(), meetingId, Format, [.. people], people.FirstOrDefault()?.Id), Actor.Facilitator);
        if (!outcome.IsAccepted)
        {
            throw new InvalidOperationException($"The test meeting could not be set up: {outcome.Problem?.Code}");
        }
        return (session, people);
    }

    public long StoredEventCount(MeetingId id)
    {
        using var db = _db.Contexts.CreateDbContext();
        return db.MeetingEvents.LongCount(e => e.MeetingId == id.Value);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _db.Dispose();
    }
}
