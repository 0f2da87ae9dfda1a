using FacilitatorKit.Data.Model;
using FacilitatorKit.Data.Sessions;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Time;

namespace FacilitatorKit.Data.Tests;

/// <summary>A store on a temporary file with a manual clock, and helpers to open and drive meetings through sessions.</summary>
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
    private FacilitatorKit.Data.Notes.NoteStore? _notes;

    public SessionFixture()
    {
        StoreSetup.Initialize(_db.ConnectionString);
        Reopen();
    }

    public ManualClock Clock { get; } = new(Start);
    public FacilitatorKit.Data.Groups.GroupStore Groups => new(_db.Contexts, Sessions, Clock);
    // One store, as in the app (a singleton): its Saved event reaches every notes box of the process.
    public FacilitatorKit.Data.Notes.NoteStore Notes => _notes ??= new(_db.Contexts, Clock);

    /// <summary>Adds the format to the store, as seeding does for the built-in ones.</summary>
    public async Task AddFormatAsync(string json)
    {
        await using var db = _db.Contexts.CreateDbContext();
        var format = FacilitatorKit.Application.Formats.FormatFile.Parse(json);
        db.Formats.Add(new FormatRecord { Name = format.Name, Json = json, BuiltIn = true });
        await db.SaveChangesAsync();
    }
    public MeetingLog Log { get; private set; } = null!;
    public MeetingSessions Sessions { get; private set; } = null!;
    public TempDatabase Database => _db;

    /// <summary>As after a restart: a new log writer and no sessions in memory.</summary>
    public void Reopen()
    {
        Log = new MeetingLog(_db.Contexts);
        Sessions = new MeetingSessions(_db.Contexts, Log, Clock);
    }

    public async Task RestartAsync()
    {
        Sessions.Dispose();
        await Log.DisposeAsync();
        Reopen();
    }

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
        var outcome = await session.SubmitAsync(new SetUpMeeting(CommandId.New(), Actor.Facilitator, meetingId, Format, [.. people], people.FirstOrDefault()?.Id));
        Assert.True(outcome.IsAccepted, outcome.Message);
        return (session, people);
    }

    public long StoredEventCount(MeetingId id)
    {
        using var db = _db.Contexts.CreateDbContext();
        return db.MeetingEvents.LongCount(e => e.MeetingId == id.Value);
    }

    public async ValueTask DisposeAsync()
    {
        Sessions.Dispose();
        await Log.DisposeAsync();
        _db.Dispose();
    }
}
