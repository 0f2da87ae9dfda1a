using FacilitatorKit.Application.Tests.Support;
using FacilitatorKit.Application.Validation;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;

namespace FacilitatorKit.Application.Tests.Validation;

/// <summary>Where what a person typed becomes a command: trimmed, checked, and either ready for the engine or explained field by field.</summary>
public class MeetingInputTests
{
    private static readonly Actor CoFacilitator = Actor.CoFacilitator;

    [Fact]
    public void AddParticipant_TrimmedName_ReachesTheCommand()
    {
        var meeting = TestMeeting.Running("Ana");

        var added = Input(meeting).AddParticipant("   Sam  \n", ParticipantKind.Newcomer, seat: 1);

        Assert.True(added.IsValid);
        Assert.Empty(added.Errors);
        var command = added.Value!;
        Assert.Equal("Sam", command.Participant.Name);
        Assert.Equal(ParticipantKind.Newcomer, command.Participant.Kind);
        Assert.Equal(1, command.Seat);
        Assert.Same(CoFacilitator, command.Actor);
    }

    [Fact]
    public void AddParticipant_TheCommandItBuilds_IsAcceptedByTheEngine()
    {
        var meeting = TestMeeting.Running("Ana");

        var command = Input(meeting).AddParticipant(" <b>Sam</b> ").Value!;
        var decision = Meeting.Decide(meeting.State, command, TestMeeting.Start);

        Assert.True(decision.IsAccepted, decision.ToString());
        Assert.Equal("<b>Sam</b>", Meeting.Apply(meeting.State, decision.Events).Participants[^1].Name);
    }

    [Fact]
    public void AddParticipant_GivenId_IsKeptSoHistoryFollowsTheMember()
    {
        var meeting = TestMeeting.Running("Ana");
        var member = ParticipantId.New();

        Assert.Equal(member, Input(meeting).AddParticipant("Cai", id: member).Value!.Participant.Id);
    }

    [Theory]
    [InlineData(null, "Please enter a name.")]
    [InlineData("  ", "Please enter a name.")]
    [InlineData("ANA", "Someone called Ana is already here. Add an initial or use an alias, so people can tell you apart.")]
    [InlineData("Bell\u0007", "A name can't contain line breaks, tabs, or invisible control or formatting characters.")]
    public void AddParticipant_BadName_GivesNoCommandAndAMessageForTheNameField(string? name, string message)
    {
        var meeting = TestMeeting.Running("Ana");

        var added = Input(meeting).AddParticipant(name);

        Assert.False(added.IsValid);
        Assert.Null(added.Value);
        Assert.Equal(message, added.MessageFor("Name"));
    }

    [Fact]
    public void AddAgendaItem_TrimmedTitleAndMinutes_ReachTheCommand()
    {
        var meeting = TestMeeting.Running("Ana");

        var added = Input(meeting).AddAgendaItem(new AgendaItemInput("  Break ", AgendaItemKind.Break, 10), index: 2);

        Assert.True(added.IsValid);
        Assert.Equal(new AgendaItemPlan("Break", AgendaItemKind.Break, TimeSpan.FromMinutes(10)), added.Value!.Plan);
        Assert.Equal(2, added.Value.Index);
    }

    [Fact]
    public void AddAgendaItem_InsaneDurations_AreExplainedFieldByField()
    {
        var meeting = TestMeeting.Running("Ana");

        var added = Input(meeting).AddAgendaItem(new AgendaItemInput("Sharing", AgendaItemKind.Sharing, 0, TurnPolicy.Balanced, 90, 5));

        Assert.False(added.IsValid);
        Assert.Equal("A time box is between 1 and 240 minutes.", added.MessageFor("Minutes"));
        Assert.Equal("A turn limit is between a quarter of a minute and 60 minutes, or none.", added.MessageFor("TurnLimitMinutes"));
        Assert.Equal("The time kept for quiet members must be at least a minute and shorter than the time box.", added.MessageFor("QuietReserveMinutes"));
    }

    [Fact]
    public void ExtendItem_KnownItemAndSaneMinutes_BuildsTheCommand()
    {
        var meeting = TestMeeting.Running("Ana");

        var extended = Input(meeting).ExtendItem(meeting.FirstItem, 5);

        Assert.Equal(TimeSpan.FromMinutes(5), extended.Value!.By);
        Assert.Equal(meeting.FirstItem, extended.Value.Item);
    }

    [Fact]
    public void ExtendItem_UnknownItem_IsRefusedReadably()
    {
        var meeting = TestMeeting.Running("Ana");

        var extended = Input(meeting).ExtendItem(new AgendaItemId(42), 5);

        Assert.Null(extended.Value);
        Assert.Equal("That agenda item is no longer on the agenda.", extended.MessageFor("Item"));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ExtendItemOrTurn_NotANumber_AsksForMinutes(double minutes)
    {
        var meeting = TestMeeting.Running("Ana");

        Assert.Equal("Please enter a number of minutes.", Input(meeting).ExtendItem(meeting.FirstItem, minutes).MessageFor("By"));
        Assert.Equal("Please enter a number of minutes.", Input(meeting).ExtendTurn(new TurnId(1), minutes).MessageFor("By"));
        Assert.Equal("Please enter a number of minutes.", Input(meeting).ChangeTurnLimit(meeting.FirstItem, minutes).MessageFor("Limit"));
    }

    [Fact]
    public void ExtendTurn_TooMuch_IsRefusedWithTheRange()
    {
        var meeting = TestMeeting.Running("Ana");

        Assert.Equal("A turn can be extended by 1 to 15 minutes at a time.", Input(meeting).ExtendTurn(new TurnId(1), 20).MessageFor("By"));
        Assert.Equal(TimeSpan.FromMinutes(2), Input(meeting).ExtendTurn(new TurnId(1), 2).Value!.By);
    }

    [Fact]
    public void ChangeTurnLimit_NoneOrMinutes_BuildsTheCommand()
    {
        var meeting = TestMeeting.Running("Ana");

        Assert.Null(Input(meeting).ChangeTurnLimit(meeting.FirstItem, null).Value!.Limit);
        Assert.Equal(TimeSpan.FromSeconds(90), Input(meeting).ChangeTurnLimit(meeting.FirstItem, 1.5).Value!.Limit);
        Assert.Equal("A turn limit is between a quarter of a minute and 60 minutes, or none.", Input(meeting).ChangeTurnLimit(meeting.FirstItem, 0.1).MessageFor("Limit"));
    }

    [Fact]
    public void Build_CommandForSomeoneUnknown_IsRefusedReadably()
    {
        var meeting = TestMeeting.Running("Ana");

        var built = Input(meeting).Build(new RaiseHand(CommandId.New(), CoFacilitator, ParticipantId.New()));

        Assert.False(built.IsValid);
        Assert.Equal("That person is not in this meeting.", built.MessageFor("Participant"));
    }

    [Fact]
    public void Build_ValidCommand_IsPassedOnUnchanged()
    {
        var meeting = TestMeeting.Running("Ana");
        var command = new RaiseHand(CommandId.New(), CoFacilitator, meeting.P("Ana"));

        Assert.Same(command, Input(meeting).Build(command).Value);
    }

    private static MeetingInput Input(TestMeeting meeting) => new(meeting.State, CoFacilitator);
}
