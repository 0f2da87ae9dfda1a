using FacilitatorKit.Application.Groups;
using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Web;
using Microsoft.Extensions.DependencyInjection;

namespace FacilitatorKit.CircuitMemory;

/// <summary>
/// A realistic meeting to look at, set up through the app's own services as the pages would: a group of eight, the
/// Peer support circle, started and in its Sharing item (balanced order, 5-minute turns), someone speaking with the
/// turn's countdown running, and two hands raised.
/// </summary>
internal sealed class MeetingSetup(MeetingSession session)
{
    public static readonly string[] Names = ["Ana", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hana"];

    /// <summary>How many hands are up while the views are measured.</summary>
    public const int HandsUp = 2;

    public MeetingSession Session => session;

    public MeetingId Id => session.Id;

    public string Speaker => session.State.CurrentTurn is { } turn ? session.State.NameOf(turn.Participant) : throw new InvalidOperationException("Nobody is speaking.");

    /// <summary>Who the room display shows as next: the first in the speaker order.</summary>
    public string NextUp => session.State.SpeakerOrder(DateTimeOffset.UtcNow) is [var first, ..] ? session.State.NameOf(first.Participant) : throw new InvalidOperationException("Nobody is waiting.");

    public static async Task<MeetingSetup> StartAsync(IServiceProvider services)
    {
        await using var facilitator = services.ScopeActingAs(Actor.Facilitator);
        var groups = facilitator.ServiceProvider.GetRequiredService<GroupService>();
        var sessions = services.GetRequiredService<MeetingSessions>();

        var group = (await groups.CreateGroupAsync(new NewGroup("Memory circle"))).Value ?? throw new InvalidOperationException("Could not create the group.");
        var members = new List<Guid>();
        foreach (var name in Names)
        {
            var member = await groups.AddMemberAsync(group.Id, name);
            members.Add(member.Value?.Id ?? throw new InvalidOperationException($"Could not add {name}: {(member.Errors.Count > 0 ? member.Errors[0].Code : "")}"));
        }

        var created = await groups.StartNewMeetingAsync(group.Id, "Peer support circle", members, members[0]);
        var meeting = created.Value?.Meeting ?? throw new InvalidOperationException($"Could not set up the meeting: {(created.Errors.Count > 0 ? created.Errors[0].Code : "")}");
        var session = await sessions.GetAsync(meeting) ?? throw new InvalidOperationException("The meeting's session is missing.");
        var setup = new MeetingSetup(session);

        await setup.SubmitAsync(new StartMeeting(CommandId.New()));
        while (session.State.CurrentItem is { } item && item.Title != "Sharing")
        {
            if (session.State.CurrentTurn is { } turn)
            {
                await setup.SubmitAsync(new EndTurn(CommandId.New(), turn.Id));
            }

            // A go-round item starts with everyone in line; move on without waiting for them.
            await setup.SubmitAsync(new NextItem(CommandId.New(), item.Id));
        }

        if (session.State.CurrentItem?.Title != "Sharing" || session.State.Queue.Count > 0 || session.State.CurrentTurn is not null)
        {
            throw new InvalidOperationException("The meeting did not reach an empty Sharing item.");
        }

        await setup.RaiseHandAsync();
        await setup.NextSpeakerAsync();
        await setup.RaiseHandsAsync();
        if (session.State.CurrentTurn?.Limit is null)
        {
            throw new InvalidOperationException("The turn under way has no limit, so no countdown would show.");
        }

        return setup;
    }

    /// <summary>Raises hands until <see cref="HandsUp"/> people are waiting.</summary>
    public async Task RaiseHandsAsync()
    {
        while (session.State.Queue.Count < HandsUp)
        {
            await RaiseHandAsync();
        }
    }

    /// <summary>"Next speaker", as the console's button sends it: ends the turn under way and starts the next.</summary>
    public async Task<string> NextSpeakerAsync()
    {
        await SubmitAsync(new NextSpeaker(CommandId.New(), session.State.CurrentTurn?.Id));
        return Speaker;
    }

    private async Task RaiseHandAsync()
    {
        var state = session.State;
        var who = state.PresentParticipants
            .Where(p => !state.IsQueued(p.Id) && state.CurrentTurn?.Participant != p.Id)
            .OrderBy(p => state.HasSpoken(p.Id))
            .Select(p => (ParticipantId?)p.Id)
            .FirstOrDefault() ?? throw new InvalidOperationException("Nobody is left to raise a hand.");
        await SubmitAsync(new RaiseHand(CommandId.New(), who));
    }

    private async Task SubmitAsync(MeetingCommand command)
    {
        var outcome = await session.SubmitAsync(command with { Actor = Actor.Facilitator }, Actor.Facilitator);
        if (!outcome.IsAccepted)
        {
            throw new InvalidOperationException($"{command.GetType().Name} was refused: {outcome.Problem?.Code}");
        }
    }
}
