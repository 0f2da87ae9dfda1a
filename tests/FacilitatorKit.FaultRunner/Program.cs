using System.Security.Cryptography;
using System.Text;
using FacilitatorKit.Application.Groups;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.FaultRunner;
using FacilitatorKit.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

// Usage: FacilitatorKit.FaultRunner <database file> <journal file>
// Prints "ACK <meeting> <command> <version> <events> <digest> END" only after a command's events are committed.
// Before sending command k of a meeting it appends "meeting k" to the journal; after a restart it re-sends the
// last journalled command with the same id, which must then be applied exactly once.
if (args.Length != 2)
{
    Console.Error.WriteLine("Usage: FacilitatorKit.FaultRunner <database file> <journal file>");
    return 2;
}

var (databasePath, journalPath) = (args[0], args[1]);
var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString();
await using var store = StoreHost.Open(connectionString);
var contexts = store.Contexts;
var sessions = store.Sessions;
var groups = store.Groups;

const int Meetings = 3;
var meetingIds = await EnsureMeetingsAsync();
var sent = ReadJournal();
var journalLock = new Lock();

await Task.WhenAll(meetingIds.Select(RunAsync));
return 0;

async Task RunAsync(MeetingId id)
{
    var session = (await sessions.GetAsync(id))!;
    var k = sent.GetValueOrDefault(id); // re-send the last journalled command first: same id, applied once
    if (k == 0)
    {
        k = 1;
    }

    while (true)
    {
        Journal(id, k);
        var command = CommandFor(session.State, id, k);
        var outcome = await session.SubmitAsync(command, command.Actor);
        if (outcome.IsAccepted)
        {
            // The closing "END" lets the test tell a whole line from one the kill cut short.
            Console.Out.WriteLine($"ACK {id.Value} {command.Id.Value} {outcome.State.Version} {outcome.Events.Count} {StateDigest.Of(outcome.State)} END");
        }

        k++;
        await Task.Delay(Random.Shared.Next(0, 4));
    }
}

// The command numbered k for a meeting is a pure function of (meeting, k) and the state, so a re-sent command
// is the same command when it was not stored, and a duplicate (same id) when it was.
MeetingCommand CommandFor(MeetingState state, MeetingId meeting, int k)
{
    var seed = BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes($"{meeting.Value}:{k}")));
    var random = new Random(seed);
    var id = new CommandId(new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{meeting.Value}/{k}")).AsSpan(0, 16)));
    var me = Actor.Facilitator;
    var present = state.PresentParticipants.ToList();
    var anyone = present.Count > 0 ? present[random.Next(present.Count)].Id : default;
    var turn = state.CurrentTurn;

    if (state.Phase == MeetingPhase.Gathering)
    {
        return new StartMeeting(id) { Actor = me };
    }

    if (state.CurrentItem is null && !state.Agenda.Exists(i => i.Status == AgendaItemStatus.Pending))
    {
        // The agenda is used up: add another item so every round keeps writing.
        return new AddAgendaItem(id, new AgendaItemPlan($"Open discussion {k}", AgendaItemKind.OpenDiscussion, TimeSpan.FromMinutes(10), TurnPolicy.Balanced, TimeSpan.FromMinutes(2))) { Actor = me };
    }

    if (state.CurrentItem is null || random.Next(60) == 0)
    {
        return turn is null ? new NextItem(id, state.CurrentItemId) { Actor = me } : new EndTurn(id, turn.Id) { Actor = me };
    }

    return random.Next(12) switch
    {
        0 or 1 or 2 => new RaiseHand(id, anyone) { Actor = me },
        3 => new LowerHand(id, anyone) { Actor = me },
        4 => new RaisePointOfProcess(id, anyone) { Actor = me },
        5 or 6 => new NextSpeaker(id, turn?.Id) { Actor = me },
        7 when turn is not null => turn.Status == TurnStatus.Speaking ? new PauseTurn(id, turn.Id) { Actor = me } : new ResumeTurn(id, turn.Id) { Actor = me },
        8 when turn?.Limit is not null => ExtendTurn.AddAMinute(id, turn.Id) with { Actor = me },
        9 when turn is not null => random.Next(2) == 0 ? new Pass(id, turn.Id) { Actor = me } : new EndTurn(id, turn.Id) { Actor = me },
        10 when present.Count < 12 => new AddParticipant(id, new Participant(new ParticipantId(id.Value), $"Guest {k}", ParticipantKind.Guest)) { Actor = me },
        10 when present.Count > 3 => new MarkParticipantLeft(id, anyone) { Actor = me },
        _ => new NextSpeaker(id, turn?.Id) { Actor = me },
    };
}

async Task<List<MeetingId>> EnsureMeetingsAsync()
{
    await using var db = contexts.CreateDbContext();
    var existing = await db.Meetings.OrderBy(m => m.CreatedAt).Where(m => m.LastSequence > 0).Select(m => m.Id).ToListAsync();
    if (existing.Count >= Meetings)
    {
        return [.. existing.Select(m => new MeetingId(m))];
    }

    // A crash during set-up can leave a meeting row without its set-up event: finish it, or start afresh.
    db.Meetings.RemoveRange(db.Meetings);
    db.Groups.RemoveRange(db.Groups);
    db.Formats.RemoveRange(db.Formats);
    db.Formats.Add(new FormatRecord { Name = "Fault drill", BuiltIn = true, Json = """
        { "name": "Fault drill", "items": [
          { "title": "Check-in", "kind": "CheckIn", "minutes": 15, "turnOrder": "GoRound", "turnLimitMinutes": 1 },
          { "title": "Sharing", "kind": "Sharing", "minutes": 40, "turnOrder": "Balanced", "turnLimitMinutes": 5, "quietReserveMinutes": 10 },
          { "title": "Open discussion", "kind": "OpenDiscussion", "minutes": 20, "turnOrder": "RaiseHand", "turnLimitMinutes": 3 },
          { "title": "Closing", "kind": "Closing", "minutes": 10 } ] }
        """ });
    await db.SaveChangesAsync();

    var ids = new List<MeetingId>();
    for (var m = 0; m < Meetings; m++)
    {
        var group = (await groups.CreateGroupAsync(new NewGroup($"Circle {m + 1}"))).Value!;
        var members = new List<Guid>();
        foreach (var name in new[] { "Ana", "Ben", "Cai", "Dee", "Eli" })
        {
            members.Add((await groups.AddMemberAsync(group.Id, name, volunteersForChair: true)).Value!.Id);
        }

        var created = await groups.StartNewMeetingAsync(group.Id, "Fault drill", members, members[0]);
        ids.Add(created.Value!.Meeting);
    }

    File.WriteAllText(journalPath, "");
    return ids;
}

Dictionary<MeetingId, int> ReadJournal()
{
    var last = new Dictionary<MeetingId, int>();
    if (!File.Exists(journalPath))
    {
        return last;
    }

    foreach (var line in File.ReadLines(journalPath))
    {
        var parts = line.Split(' ');
        if (parts.Length == 2 && Guid.TryParse(parts[0], out var meeting) && int.TryParse(parts[1], out var k))
        {
            last[new MeetingId(meeting)] = k;
        }
    }

    return last;
}

void Journal(MeetingId meeting, int k)
{
    lock (journalLock)
    {
        File.AppendAllText(journalPath, $"{meeting.Value} {k}\n");
    }
}
