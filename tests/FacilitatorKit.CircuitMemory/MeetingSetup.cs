using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Measuring;

namespace FacilitatorKit.CircuitMemory;

/// <summary>
/// A realistic meeting to look at: the measuring programs' Sharing meeting (<see cref="SharingMeeting"/>), with someone
/// speaking and the turn's countdown running, and two hands raised.
/// </summary>
internal sealed class MeetingSetup(MeetingSession session)
{
    /// <summary>How many hands are up while the views are measured.</summary>
    public const int HandsUp = 2;

    public MeetingSession Session => session;

    public MeetingId Id => session.Id;

    public string Speaker => session.State.CurrentTurn is { } turn ? session.State.NameOf(turn.Participant) : throw new InvalidOperationException("Nobody is speaking.");

    /// <summary>Who the room display shows as next: the first in the speaker order.</summary>
    public string NextUp => session.State.SpeakerOrder(DateTimeOffset.UtcNow) is [var first, ..] ? session.State.NameOf(first.Participant) : throw new InvalidOperationException("Nobody is waiting.");

    public static async Task<MeetingSetup> StartAsync(IServiceProvider services)
    {
        var setup = new MeetingSetup(await SharingMeeting.StartAsync(services, "Memory circle"));
        var session = setup.Session;
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

    private Task SubmitAsync(MeetingCommand command) => SharingMeeting.SubmitAsync(session, command);
}
