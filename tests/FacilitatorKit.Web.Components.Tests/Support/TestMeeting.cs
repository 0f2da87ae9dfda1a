using FacilitatorKit.Application.Groups;
using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using Microsoft.Extensions.Time.Testing;

namespace FacilitatorKit.Web.Components.Tests.Support;

/// <summary>A meeting set up for a test, driven through its session as the facilitator's device would drive it.</summary>
public sealed class TestMeeting(MeetingSession session, GroupRecord group, FakeTimeProvider clock)
{
    public MeetingSession Session { get; } = session;
    public GroupRecord Group { get; } = group;
    public MeetingId Id => Session.Id;
    public MeetingState State => Session.State;

    public ParticipantId this[string name] => State.Participants.Single(p => p.Name == name).Id;

    /// <summary>Sends a command as the facilitator (or <paramref name="actor"/>), which must be accepted.</summary>
    public async Task<TestMeeting> DoAsync(MeetingCommand command, Actor? actor = null)
    {
        var outcome = await Session.SubmitAsync(command, actor ?? Actor.Facilitator);
        Assert.True(outcome.IsAccepted, $"{command.GetType().Name}: {outcome.Problem?.Code}");
        return this;
    }

    public Task<TestMeeting> StartAsync() => DoAsync(new StartMeeting(CommandId.New()));

    public Task<TestMeeting> NextItemAsync() => DoAsync(new NextItem(CommandId.New(), State.CurrentItemId));

    public Task<TestMeeting> RaiseAsync(string name) => DoAsync(new RaiseHand(CommandId.New(), this[name]));

    public Task<TestMeeting> NextSpeakerAsync() => DoAsync(new NextSpeaker(CommandId.New(), State.CurrentTurn?.Id));

    public Task<TestMeeting> PauseAsync() => DoAsync(new PauseTurn(CommandId.New(), State.CurrentTurn!.Id));

    public Task<TestMeeting> EndAsync() => DoAsync(new EndMeeting(CommandId.New()));

    /// <summary>Moves to the item with this title.</summary>
    public async Task<TestMeeting> GoToAsync(string title)
    {
        while (State.CurrentItem?.Title != title)
        {
            await NextItemAsync();
        }

        return this;
    }

    public TestMeeting Wait(TimeSpan time)
    {
        clock.Advance(time);
        return this;
    }
}
