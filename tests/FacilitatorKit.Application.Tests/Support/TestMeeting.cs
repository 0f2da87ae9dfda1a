using System.Collections.Immutable;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Application.Tests.Support;

/// <summary>A running meeting, built with real engine commands, for the boundary checks to validate against.</summary>
public sealed class TestMeeting
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 19, 0, 0, TimeSpan.Zero);

    public static MeetingFormat Format { get; } = new("Test circle",
    [
        new("Welcome", AgendaItemKind.Opening, TimeSpan.FromMinutes(5)),
        new("Sharing", AgendaItemKind.Sharing, TimeSpan.FromMinutes(40), TurnPolicy.Balanced, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10)),
    ]);

    private TestMeeting(MeetingState state, IReadOnlyDictionary<string, ParticipantId> people)
    {
        State = state;
        People = people;
    }

    public MeetingState State { get; private set; }
    public IReadOnlyDictionary<string, ParticipantId> People { get; }

    public ParticipantId P(string name) => People[name];

    public AgendaItemId FirstItem => State.Agenda[0].Id;

    /// <summary>Set up with these people (the first is the chair) and started.</summary>
    public static TestMeeting Running(params string[] names)
    {
        var people = names.ToDictionary(n => n, _ => ParticipantId.New());
        var id = MeetingId.New();
        var meeting = new TestMeeting(MeetingState.Initial(id), people);
        meeting.Do(new SetUpMeeting(CommandId.New(), id, Format,
            [.. names.Select(n => new Participant(people[n], n))], names.Length == 0 ? null : people[names[0]]) { Actor = Actor.Facilitator });
        meeting.Do(new StartMeeting(CommandId.New()) { Actor = Actor.Facilitator });
        return meeting;
    }

    public TestMeeting Leaves(string name) => Do(new MarkParticipantLeft(CommandId.New(), P(name)) { Actor = Actor.Facilitator });

    private TestMeeting Do(MeetingCommand command)
    {
        var decision = Meeting.Decide(State, command, Start);
        Assert.True(decision.IsAccepted, $"{command.GetType().Name} was refused: {decision.Refusal}");
        State = Meeting.Apply(State, decision.Events);
        return this;
    }
}
