using FacilitatorKit.Application.Groups;
using FacilitatorKit.Data.Sessions;
using FacilitatorKit.Engine;
using Microsoft.Extensions.Time.Testing;

namespace FacilitatorKit.Benchmarks.Store;

/// <summary>
/// A store whose log holds one meeting of exactly 2,000 events: the long <see cref="RealisticMeeting"/> that the
/// engine's replay benchmark folds in memory, here submitted command by command through a session (validated,
/// decided, committed one by one) at the instants it was recorded at.
/// </summary>
public static class RestoreFile
{
    public const int Events = 2_000;

    public static MeetingId Meeting => MeetingDriver.MeetingId;

    /// <summary>Writes the meeting into <paramref name="folder"/> (a new temporary folder when null); returns the store, still open.</summary>
    public static async Task<BenchStore> CreateAsync(string? folder = null)
    {
        var script = RealisticMeeting.Run(Events);
        var clock = new FakeTimeProvider(MeetingDriver.Start);
        var store = new BenchStore(folder, clock);
        await using (var db = await store.Contexts.CreateDbContextAsync())
        {
            var groupId = Guid.NewGuid();
            db.Groups.Add(new GroupRecord { Id = groupId, Name = "Long evening", CreatedAt = MeetingDriver.Start });
            db.Meetings.Add(new MeetingRecord { Id = Meeting.Value, GroupId = groupId, Number = 1, FormatName = RealisticMeeting.Format.Name, CreatedAt = MeetingDriver.Start });
            await db.SaveChangesAsync();
        }

        var session = (await store.Sessions.GetAsync(Meeting))!;
        foreach (var (command, at) in script.Sent)
        {
            if (session.State.Version >= Events)
            {
                break;
            }

            clock.SetUtcNow(at);
            var outcome = await session.SubmitAsync(command, command.Actor);
            if (!outcome.IsAccepted)
            {
                throw new InvalidOperationException($"{command.GetType().Name} was not accepted: {outcome.Problem?.Code}");
            }
        }

        if (session.State.Version != Events || store.StoredEvents() != Events)
        {
            throw new InvalidOperationException($"The stored log holds {store.StoredEvents()} events, not {Events}.");
        }

        return store;
    }
}
