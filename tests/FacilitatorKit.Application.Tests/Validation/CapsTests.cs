using System.Collections.Immutable;
using FacilitatorKit.Application.Tests.Support;
using FacilitatorKit.Application.Validation;
using FacilitatorKit.Application.Validation.Commands;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using Microsoft.Extensions.DependencyInjection;

namespace FacilitatorKit.Application.Tests.Validation;

/// <summary>
/// Issue 12 §6 and F7: 300 participants in one meeting were accepted. At the boundary, each cap from Limits is a
/// calm, worded refusal with its number, and the place just under it is still taken.
/// </summary>
public class CapsTests
{
    private static readonly CommandValidation Validation =
        new ServiceCollection().AddFacilitatorKitApplication().BuildServiceProvider().GetRequiredService<CommandValidation>();

    private static string[] Names(int count) => [.. Enumerable.Range(1, count).Select(i => $"Person {i}")];

    [Fact]
    public void AddParticipant_ToAFullMeeting_IsRefusedWithTheCap_AndTheLastPlaceIsTaken()
    {
        var almost = TestMeeting.Running(Names(Limits.ParticipantsPerMeeting - 1));
        Assert.True(Validation.Validate(almost.State, Newcomer("Last one")).IsValid);

        var full = TestMeeting.Running(Names(Limits.ParticipantsPerMeeting));
        var error = FieldError.From(Assert.Single(Validation.Validate(full.State, Newcomer("One more")).Errors));

        Assert.True(error.Is(InputProblem.TooManyParticipants));
        Assert.Equal("Name", error.Field);
        Assert.Equal(Limits.ParticipantsPerMeeting, error.Args["Max"]);
    }

    [Fact]
    public void AddParticipant_SomeoneComingBack_ToAFullMeeting_IsNotRefused()
    {
        var full = TestMeeting.Running(Names(Limits.ParticipantsPerMeeting)).Leaves("Person 2");

        Assert.True(Validation.Validate(full.State, new AddParticipant(CommandId.New(), new Participant(full.P("Person 2"), "Person 2")) { Actor = Actor.Facilitator }).IsValid);
    }

    [Fact]
    public void SetUpMeeting_WithMoreThanTheCap_IsRefused()
    {
        Assert.True(Validation.Validate(TestMeeting.Running().State, SetUp(Limits.ParticipantsPerMeeting)).IsValid);

        var result = Validation.Validate(TestMeeting.Running().State, SetUp(Limits.ParticipantsPerMeeting + 1));

        Assert.Equal([nameof(InputProblem.TooManyParticipants)], result.Errors.Select(e => e.ErrorCode));
    }

    [Fact]
    public void AddAgendaItem_ToAFullAgenda_IsRefusedWithTheCap()
    {
        var meeting = TestMeeting.Running("Ana");
        var item = new AgendaItemPlan("Group business", AgendaItemKind.GroupBusiness, TimeSpan.FromMinutes(5));
        var state = meeting.State;
        while (state.Agenda.Count < Limits.AgendaItems)
        {
            Assert.True(Validation.Validate(state, Add(item)).IsValid);
            var decision = Meeting.Decide(state, Add(item), TestMeeting.Start);
            Assert.True(decision.IsAccepted);
            state = Meeting.Apply(state, decision.Events);
        }

        var error = FieldError.From(Assert.Single(Validation.Validate(state, Add(item)).Errors));

        Assert.True(error.Is(InputProblem.TooManyAgendaItems));
        Assert.Equal(Limits.AgendaItems, error.Args["Max"]);
    }

    /// <summary>The caps stay above what a real peer-led group reaches, and agree with the formats' own cap.</summary>
    [Fact]
    public void TheCaps_LeaveRoomForTheBiggestRealGroups()
    {
        Assert.InRange(Limits.ParticipantsPerMeeting, 40, 200);
        Assert.InRange(Limits.MembersPerGroup, 100, 1000);
        Assert.InRange(Limits.Groups, 50, 1000);
        Assert.True(Limits.AgendaItems > Limits.FormatItems);
    }

    private static AddParticipant Newcomer(string name) =>
        new(CommandId.New(), new Participant(ParticipantId.New(), name)) { Actor = Actor.Facilitator };

    private static AddAgendaItem Add(AgendaItemPlan plan) => new(CommandId.New(), plan) { Actor = Actor.Facilitator };

    private static SetUpMeeting SetUp(int count)
    {
        ImmutableArray<Participant> people = [.. Names(count).Select(n => new Participant(ParticipantId.New(), n))];
        return new SetUpMeeting(CommandId.New(), MeetingId.New(), TestMeeting.Format, people, people[0].Id) { Actor = Actor.Facilitator };
    }
}
