using System.Collections.Immutable;
using FacilitatorKit.Application.Tests.Support;
using FacilitatorKit.Application.Validation;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Chair;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FluentValidation.Results;

namespace FacilitatorKit.Application.Tests.Validation;

/// <summary>The boundary check before the engine: people and items the meeting has, sane durations, names that tell people apart.</summary>
public class MeetingCommandValidatorTests
{
    private const string UnknownPerson = "That person is not in this meeting.";
    private const string UnknownItem = "That agenda item is no longer on the agenda.";

    private static readonly Actor Facilitator = Actor.Facilitator;

    private static readonly string[] PersonCommandNames = ["RaiseHand", "LowerHand", "PointOfProcess", "Leaves", "SignalBreak", "AnswerBreakRequest", "HandOverChair", "StartGoRound"];
    private static readonly string[] ItemCommandNames = ["Skip", "Remove", "Move", "ReleaseQuietReserve", "ChangeTurnPolicy", "ChangeTurnLimit", "Extend"];

    public static TheoryData<string> PersonCommands => [.. PersonCommandNames];

    public static TheoryData<string> ItemCommands => [.. ItemCommandNames];

    [Theory]
    [MemberData(nameof(PersonCommands))]
    public void PersonCommand_UnknownParticipant_IsRefusedReadably(string command)
    {
        var meeting = TestMeeting.Running("Ana", "Ben");

        var result = Validate(meeting, PersonCommand(command, ParticipantId.New()));

        var error = Assert.Single(result.Errors);
        Assert.Equal(UnknownPerson, error.ErrorMessage);
    }

    [Theory]
    [MemberData(nameof(PersonCommands))]
    public void PersonCommand_SomeoneInTheMeeting_Passes(string command)
    {
        var meeting = TestMeeting.Running("Ana", "Ben");

        Assert.True(Validate(meeting, PersonCommand(command, meeting.P("Ben"))).IsValid);
    }

    [Fact]
    public void PersonCommand_SomeoneWhoLeft_StillPassesTheBoundary()
    {
        // They are known to the meeting; whether they may still queue is the engine's rule, with its own reason.
        var meeting = TestMeeting.Running("Ana", "Ben").Leaves("Ben");

        Assert.True(Validate(meeting, new RaiseHand(CommandId.New(), Facilitator, meeting.P("Ben"))).IsValid);
    }

    [Theory]
    [MemberData(nameof(ItemCommands))]
    public void ItemCommand_UnknownItem_IsRefusedReadably(string command)
    {
        var meeting = TestMeeting.Running("Ana");

        var result = Validate(meeting, ItemCommand(command, new AgendaItemId(42)));

        Assert.Equal([UnknownItem], result.Errors.Select(e => e.ErrorMessage));
        Assert.Equal("Item", result.Errors[0].PropertyName);
    }

    [Theory]
    [MemberData(nameof(ItemCommands))]
    public void ItemCommand_ItemOnTheAgenda_Passes(string command)
    {
        var meeting = TestMeeting.Running("Ana");

        Assert.True(Validate(meeting, ItemCommand(command, meeting.FirstItem)).IsValid);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(0.5)]
    [InlineData(121)]
    [InlineData(-5)]
    public void ExtendItem_OutsideOneToHundredTwentyMinutes_IsRefused(double minutes)
    {
        var meeting = TestMeeting.Running("Ana");

        var result = Validate(meeting, new ExtendAgendaItem(CommandId.New(), Facilitator, meeting.FirstItem, TimeSpan.FromMinutes(minutes)));

        Assert.Equal(["An item can be extended by 1 to 120 minutes at a time."], result.Errors.Select(e => e.ErrorMessage));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(15, true)]
    [InlineData(16, false)]
    public void ExtendTurn_FromOneToFifteenMinutes_IsAccepted(double minutes, bool valid)
    {
        var meeting = TestMeeting.Running("Ana");

        var result = Validate(meeting, new ExtendTurn(CommandId.New(), Facilitator, new TurnId(1), TimeSpan.FromMinutes(minutes)));

        Assert.Equal(valid, result.IsValid);
        Assert.All(result.Errors, e => Assert.Equal("A turn can be extended by 1 to 15 minutes at a time.", e.ErrorMessage));
    }

    [Theory]
    [InlineData(10, false)]
    [InlineData(15, true)]
    [InlineData(3600, true)]
    [InlineData(3601, false)]
    public void ChangeTurnLimit_FromFifteenSecondsToAnHour_IsAccepted(double seconds, bool valid)
    {
        var meeting = TestMeeting.Running("Ana");

        var result = Validate(meeting, new ChangeTurnLimit(CommandId.New(), Facilitator, meeting.FirstItem, TimeSpan.FromSeconds(seconds)));

        Assert.Equal(valid, result.IsValid);
        Assert.All(result.Errors, e => Assert.Equal("A turn limit is between a quarter of a minute and 60 minutes, or none.", e.ErrorMessage));
    }

    [Fact]
    public void ChangeTurnLimit_None_IsAccepted()
    {
        var meeting = TestMeeting.Running("Ana");

        Assert.True(Validate(meeting, new ChangeTurnLimit(CommandId.New(), Facilitator, meeting.FirstItem, null)).IsValid);
    }

    [Theory]
    [InlineData("ana")]
    [InlineData("  ANA ")]
    public void AddParticipant_NameOfSomeonePresent_IsRefusedSoPeopleCanTellThemApart(string name)
    {
        var meeting = TestMeeting.Running("Ana", "Ben");

        var result = Validate(meeting, new AddParticipant(CommandId.New(), Facilitator, new Participant(ParticipantId.New(), name)));

        var error = Assert.Single(result.Errors);
        Assert.Equal("Name", error.PropertyName);
        Assert.Equal($"Someone called Ana is already here. Add an initial or use an alias, so people can tell you apart.", error.ErrorMessage);
        Assert.NotEqual("Ana", name); // the message names the person who is here, however the new name was typed
    }

    [Fact]
    public void AddParticipant_NameOfSomeoneWhoLeft_IsAccepted()
    {
        var meeting = TestMeeting.Running("Ana", "Ben").Leaves("Ben");

        Assert.True(Validate(meeting, new AddParticipant(CommandId.New(), Facilitator, new Participant(ParticipantId.New(), "Ben"))).IsValid);
    }

    [Fact]
    public void AddParticipant_SomeoneComingBack_IsNotTakenForADuplicate()
    {
        var meeting = TestMeeting.Running("Ana", "Ben");

        Assert.True(Validate(meeting, new AddParticipant(CommandId.New(), Facilitator, new Participant(meeting.P("Ben"), "Ben"))).IsValid);
    }

    [Theory]
    [InlineData("", "Please enter a name.")]
    [InlineData("Sam\nSmith", "A name can't contain line breaks, tabs, or invisible control or formatting characters.")]
    [InlineData("12345678901234567890123456789012345678901", "A name can be at most 40 characters. A first name or an alias is enough.")]
    public void AddParticipant_NameAgainstTheRules_IsRefusedOnTheNameField(string name, string message)
    {
        var meeting = TestMeeting.Running("Ana");

        var error = Assert.Single(Validate(meeting, new AddParticipant(CommandId.New(), Facilitator, new Participant(ParticipantId.New(), name))).Errors);

        Assert.Equal("Name", error.PropertyName);
        Assert.Equal(message, error.ErrorMessage);
    }

    [Fact]
    public void SetUpMeeting_TwoPeopleWithTheSameName_IsRefused()
    {
        var result = Validate(TestMeeting.Running(), SetUp(["Ana", "Ben", " ana"]));

        Assert.Equal(["Two people have the same name. Add an initial or use an alias, so people can tell them apart."], result.Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void SetUpMeeting_NameAgainstTheRules_IsRefused()
    {
        var result = Validate(TestMeeting.Running(), SetUp(["Ana", "Tab\tby"]));

        Assert.Equal(["A name can't contain line breaks, tabs, or invisible control or formatting characters."], result.Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void SetUpMeeting_ChairWhoIsNotThere_IsRefused()
    {
        var result = Validate(TestMeeting.Running(), SetUp(["Ana", "Ben"]) with { Chair = ParticipantId.New() });

        Assert.Equal(["The chair must be one of the people at the meeting."], result.Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void SetUpMeeting_DistinctValidNames_Passes() =>
        Assert.True(Validate(TestMeeting.Running(), SetUp(["Ana", "Ben", "<b>Sam</b>", "Ana B."])).IsValid);

    [Fact]
    public void AddAgendaItem_InsaneTimeBox_IsRefusedReadably()
    {
        var meeting = TestMeeting.Running("Ana");
        var plan = new AgendaItemPlan("Break", AgendaItemKind.Break, TimeSpan.FromHours(5));

        var result = Validate(meeting, new AddAgendaItem(CommandId.New(), Facilitator, plan));

        Assert.Contains("A time box is between 1 and 240 minutes.", result.Errors.Select(e => e.ErrorMessage));
        Assert.All(result.Errors, e => Assert.StartsWith("Item", e.PropertyName, StringComparison.Ordinal));
    }

    [Fact]
    public void ChangeFormat_EmptyFormat_IsRefusedReadably()
    {
        var meeting = TestMeeting.Running("Ana");

        var result = Validate(meeting, new ChangeFormat(CommandId.New(), Facilitator, new MeetingFormat("Nothing", [])));

        Assert.Contains("A format needs at least one agenda item.", result.Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void CommandWithNothingToCheck_Passes()
    {
        var meeting = TestMeeting.Running("Ana");

        Assert.True(Validate(meeting, new NextSpeaker(CommandId.New(), Facilitator, null)).IsValid);
        Assert.True(Validate(meeting, new StartGoRound(CommandId.New(), Facilitator)).IsValid);
    }

    [Fact]
    public void Messages_NeverShowIdsOrTypeNames()
    {
        var meeting = TestMeeting.Running("Ana");
        var stranger = ParticipantId.New();

        var messages = PersonCommandNames.Select(c => PersonCommand(c, stranger))
            .Concat(ItemCommandNames.Select(c => ItemCommand(c, new AgendaItemId(42))))
            .SelectMany(c => Validate(meeting, c).Errors)
            .Select(e => e.ErrorMessage)
            .ToList();

        Assert.NotEmpty(messages);
        Assert.All(messages, m =>
        {
            Assert.DoesNotContain(stranger.ToString(), m, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("42", m, StringComparison.Ordinal);
            Assert.DoesNotContain("Id", m, StringComparison.Ordinal);
            Assert.EndsWith(".", m, StringComparison.Ordinal);
        });
    }

    private static ValidationResult Validate(TestMeeting meeting, MeetingCommand command) =>
        new MeetingCommandValidator(meeting.State).Validate(command);

    private static SetUpMeeting SetUp(string[] names)
    {
        ImmutableArray<Participant> people = [.. names.Select(n => new Participant(ParticipantId.New(), n))];
        return new SetUpMeeting(CommandId.New(), Facilitator, MeetingId.New(), TestMeeting.Format, people, people[0].Id);
    }

    private static MeetingCommand PersonCommand(string command, ParticipantId who) => command switch
    {
        "RaiseHand" => new RaiseHand(CommandId.New(), Facilitator, who),
        "LowerHand" => new LowerHand(CommandId.New(), Facilitator, who),
        "PointOfProcess" => new RaisePointOfProcess(CommandId.New(), Facilitator, who),
        "Leaves" => new MarkParticipantLeft(CommandId.New(), Facilitator, who),
        "SignalBreak" => new SignalBreak(CommandId.New(), Facilitator, who),
        "AnswerBreakRequest" => new AnswerBreakRequest(CommandId.New(), Facilitator, who),
        "HandOverChair" => new HandOverChair(CommandId.New(), Facilitator, null, who),
        "StartGoRound" => new StartGoRound(CommandId.New(), Facilitator, who),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, null),
    };

    private static MeetingCommand ItemCommand(string command, AgendaItemId item) => command switch
    {
        "Skip" => new SkipAgendaItem(CommandId.New(), Facilitator, item),
        "Remove" => new RemoveAgendaItem(CommandId.New(), Facilitator, item),
        "Move" => new MoveAgendaItem(CommandId.New(), Facilitator, item, 1),
        "ReleaseQuietReserve" => new ReleaseQuietReserve(CommandId.New(), Facilitator, item),
        "ChangeTurnPolicy" => new ChangeTurnPolicy(CommandId.New(), Facilitator, item, TurnPolicy.GoRound),
        "ChangeTurnLimit" => new ChangeTurnLimit(CommandId.New(), Facilitator, item, TimeSpan.FromMinutes(3)),
        "Extend" => new ExtendAgendaItem(CommandId.New(), Facilitator, item, TimeSpan.FromMinutes(5)),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, null),
    };
}
