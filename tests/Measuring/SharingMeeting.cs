using FacilitatorKit.Application.Groups;
using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Web;
using Microsoft.Extensions.DependencyInjection;

namespace FacilitatorKit.Measuring;

/// <summary>
/// The meeting the measuring programs look at, set up through the app's own services as the pages would: a group of
/// eight, the Peer support circle, started and in its Sharing item (balanced order, 5-minute turns), with nobody
/// speaking and nobody waiting.
/// </summary>
internal static class SharingMeeting
{
    public static readonly string[] Names = ["Ana", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hana"];

    public static async Task<MeetingSession> StartAsync(IServiceProvider services, string groupName)
    {
        await using var facilitator = services.ScopeActingAs(Actor.Facilitator);
        var groups = facilitator.ServiceProvider.GetRequiredService<GroupService>();
        var sessions = services.GetRequiredService<MeetingSessions>();

        var group = (await groups.CreateGroupAsync(new NewGroup(groupName))).Value ?? throw new InvalidOperationException("Could not create the group.");
        var members = new List<Guid>();
        foreach (var name in Names)
        {
            var member = await groups.AddMemberAsync(group.Id, name);
            members.Add(member.Value?.Id ?? throw new InvalidOperationException($"Could not add {name}: {(member.Errors.Count > 0 ? member.Errors[0].Code : "")}"));
        }

        var created = await groups.StartNewMeetingAsync(group.Id, "Peer support circle", members, members[0]);
        var meeting = created.Value?.Meeting ?? throw new InvalidOperationException($"Could not set up the meeting: {(created.Errors.Count > 0 ? created.Errors[0].Code : "")}");
        var session = await sessions.GetAsync(meeting) ?? throw new InvalidOperationException("The meeting's session is missing.");

        await SubmitAsync(session, new StartMeeting(CommandId.New()));
        while (session.State.CurrentItem is { } item && item.Title != "Sharing")
        {
            if (session.State.CurrentTurn is { } turn)
            {
                await SubmitAsync(session, new EndTurn(CommandId.New(), turn.Id));
            }

            // A go-round item starts with everyone in line; move on without waiting for them.
            await SubmitAsync(session, new NextItem(CommandId.New(), item.Id));
        }

        if (session.State.CurrentItem?.Title != "Sharing" || session.State.Queue.Count > 0 || session.State.CurrentTurn is not null)
        {
            throw new InvalidOperationException("The meeting did not reach an empty Sharing item.");
        }

        return session;
    }

    /// <summary>Sends a command as the facilitator; a refusal stops the run, naming its code.</summary>
    public static async Task SubmitAsync(MeetingSession session, MeetingCommand command)
    {
        var outcome = await session.SubmitAsync(command, Actor.Facilitator);
        if (!outcome.IsAccepted)
        {
            throw new InvalidOperationException($"{command.GetType().Name} was refused: {outcome.Problem?.Code}");
        }
    }
}
