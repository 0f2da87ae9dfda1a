using System.Collections.Immutable;
using FacilitatorKit.Application.Tests.Support;
using FacilitatorKit.Testing;
using FacilitatorKit.Application.Validation;
using FacilitatorKit.Application.Validation.Commands;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Chair;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.DependencyInjection;

namespace FacilitatorKit.Application.Tests.Validation;

/// <summary>The boundary check before the engine: people and items the meeting has, sane durations, names that tell people apart.</summary>
public class MeetingCommandValidatorTests
{
    private const string UnknownPerson = nameof(InputProblem.PersonNotInMeeting);
    private const string UnknownItem = nameof(InputProblem.ItemNotOnAgenda);

    private static readonly CommandValidation Validation =
        new ServiceCollection().AddFacilitatorKitApplication().BuildServiceProvider().GetRequiredService<CommandValidation>();

    private static readonly Actor Facilitator = Actor.Facilitator;

    private static readonly string[] PersonCommandNames = ["RaiseHand", "LowerHand", "PointOfProcess", "Leaves", "StepsOut", "IsBack", "SignalBreak", "AnswerBreakRequest", "HandOverChair", "StartGoRound"];
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
        Assert.Equal(UnknownPerson, error.ErrorCode);
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

        Assert.True(Validate(meeting, new RaiseHand(CommandId.New(), meeting.P("Ben")) { Actor = Facilitator }).IsValid);
    }

    [Theory]
    [MemberData(nameof(ItemCommands))]
    public void ItemCommand_UnknownItem_IsRefusedReadably(string command)
    {
        var meeting = TestMeeting.Running("Ana");

        var result = Validate(meeting, ItemCommand(command, new AgendaItemId(42)));

        Assert.Equal([UnknownItem], result.Errors.Select(e => e.ErrorCode));
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

        var result = Validate(meeting, new ExtendAgendaItem(CommandId.New(), meeting.FirstItem, TimeSpan.FromMinutes(minutes)) { Actor = Facilitator });

        var error = FieldError.From(Assert.Single(result.Errors));
        Assert.True(error.Is(InputProblem.ItemExtensionOutOfRange));
        Assert.Equal((TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(120)), ((TimeSpan)error.Args["Min"]!, (TimeSpan)error.Args["Max"]!));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(15, true)]
    [InlineData(16, false)]
    public void ExtendTurn_FromOneToFifteenMinutes_IsAccepted(double minutes, bool valid)
    {
        var meeting = TestMeeting.Running("Ana");

        var result = Validate(meeting, new ExtendTurn(CommandId.New(), new TurnId(1), TimeSpan.FromMinutes(minutes)) { Actor = Facilitator });

        Assert.Equal(valid, result.IsValid);
        Assert.All(result.Errors, e => Assert.Equal(nameof(InputProblem.TurnExtensionOutOfRange), e.ErrorCode));
    }

    [Theory]
    [InlineData(10, false)]
    [InlineData(15, true)]
    [InlineData(3600, true)]
    [InlineData(3601, false)]
    public void ChangeTurnLimit_FromFifteenSecondsToAnHour_IsAccepted(double seconds, bool valid)
    {
        var meeting = TestMeeting.Running("Ana");

        var result = Validate(meeting, new ChangeTurnLimit(CommandId.New(), meeting.FirstItem, TimeSpan.FromSeconds(seconds)) { Actor = Facilitator });

        Assert.Equal(valid, result.IsValid);
        Assert.All(result.Errors, e => Assert.Equal(nameof(InputProblem.TurnLimitOutOfRange), e.ErrorCode));
    }

    [Fact]
    public void ChangeTurnLimit_None_IsAccepted()
    {
        var meeting = TestMeeting.Running("Ana");

        Assert.True(Validate(meeting, new ChangeTurnLimit(CommandId.New(), meeting.FirstItem, null) { Actor = Facilitator }).IsValid);
    }

    [Theory]
    [InlineData("ana")]
    [InlineData("  ANA ")]
    public void AddParticipant_NameOfSomeonePresent_IsRefusedSoPeopleCanTellThemApart(string name)
    {
        var meeting = TestMeeting.Running("Ana", "Ben");

        var result = Validate(meeting, new AddParticipant(CommandId.New(), new Participant(ParticipantId.New(), name)) { Actor = Facilitator });

        var error = FieldError.From(Assert.Single(result.Errors));
        Assert.Equal("Name", error.Field);
        Assert.True(error.Is(InputProblem.NameTakenHere));
        Assert.Equal("Ana", error.Args["Name"]); // the person who is here, however the new name was typed
        Assert.NotEqual("Ana", name);
    }

    /// <summary>Issue 11, B5: a new person with the name of someone who left tonight was accepted, so someone coming back became two people.</summary>
    [Fact]
    public void AddParticipant_NameOfSomeoneWhoLeft_IsRefused_SayingTheyCanComeBackAsThemselves()
    {
        var meeting = TestMeeting.Running("Ana", "Ben").Leaves("Ben");

        var result = Validate(meeting, new AddParticipant(CommandId.New(), new Participant(ParticipantId.New(), "ben")) { Actor = Facilitator });

        var error = FieldError.From(Assert.Single(result.Errors));
        Assert.True(error.Is(InputProblem.NameOfSomeoneWhoLeft));
        Assert.Equal("Ben", error.Args["Name"]);
    }

    [Fact]
    public void AddParticipant_SomeoneComingBack_IsNotTakenForADuplicate()
    {
        var meeting = TestMeeting.Running("Ana", "Ben");

        Assert.True(Validate(meeting, new AddParticipant(CommandId.New(), new Participant(meeting.P("Ben"), "Ben")) { Actor = Facilitator }).IsValid);
    }

    [Theory]
    [InlineData("", nameof(InputProblem.NameMissing))]
    [InlineData("Sam\nSmith", nameof(InputProblem.NameHasInvisibleCharacters))]
    [InlineData("Bell\u0007", nameof(InputProblem.NameHasInvisibleCharacters))]
    [InlineData("12345678901234567890123456789012345678901", nameof(InputProblem.NameTooLong))]
    public void AddParticipant_NameAgainstTheRules_IsRefusedOnTheNameField(string name, string problem)
    {
        var meeting = TestMeeting.Running("Ana");

        var error = Assert.Single(Validate(meeting, new AddParticipant(CommandId.New(), new Participant(ParticipantId.New(), name)) { Actor = Facilitator }).Errors);

        Assert.Equal("Name", error.PropertyName);
        Assert.Equal(problem, error.ErrorCode);
        Assert.Equal(NameOf.ParticipantName, FieldError.From(error).Args["What"]);
    }

    [Fact]
    public void SetUpMeeting_TwoPeopleWithTheSameName_IsRefused()
    {
        var result = Validate(TestMeeting.Running(), SetUp(["Ana", "Ben", " ana"]));

        Assert.Equal([nameof(InputProblem.TwoPeopleSameName)], result.Errors.Select(e => e.ErrorCode));
    }

    [Fact]
    public void SetUpMeeting_NameAgainstTheRules_IsRefused()
    {
        var result = Validate(TestMeeting.Running(), SetUp(["Ana", "Tab\tby"]));

        Assert.Equal([nameof(InputProblem.NameHasInvisibleCharacters)], result.Errors.Select(e => e.ErrorCode));
    }

    [Fact]
    public void SetUpMeeting_ChairWhoIsNotThere_IsRefused()
    {
        var result = Validate(TestMeeting.Running(), SetUp(["Ana", "Ben"]) with { Chair = ParticipantId.New() });

        Assert.Equal([nameof(InputProblem.ChairNotAtMeeting)], result.Errors.Select(e => e.ErrorCode));
    }

    [Fact]
    public void SetUpMeeting_DistinctValidNames_Passes() =>
        Assert.True(Validate(TestMeeting.Running(), SetUp(["Ana", "Ben", "<b>Sam</b>", "Ana B."])).IsValid);

    [Fact]
    public void AddAgendaItem_InsaneTimeBox_IsRefusedReadably()
    {
        var meeting = TestMeeting.Running("Ana");
        var plan = new AgendaItemPlan("Break", AgendaItemKind.Break, TimeSpan.FromHours(5));

        var result = Validate(meeting, new AddAgendaItem(CommandId.New(), plan) { Actor = Facilitator });

        Assert.Contains(nameof(InputProblem.TimeBoxOutOfRange), result.Errors.Select(e => e.ErrorCode));
        Assert.All(result.Errors, e => Assert.StartsWith("Item", e.PropertyName, StringComparison.Ordinal));
    }

    [Fact]
    public void ChangeFormat_EmptyFormat_IsRefusedReadably()
    {
        var meeting = TestMeeting.Running("Ana");

        var result = Validate(meeting, new ChangeFormat(CommandId.New(), new MeetingFormat("Nothing", [])) { Actor = Facilitator });

        Assert.Contains(nameof(InputProblem.FormatHasNoItems), result.Errors.Select(e => e.ErrorCode));
    }

    [Fact]
    public void CommandWithNothingToCheck_Passes()
    {
        var meeting = TestMeeting.Running("Ana");

        Assert.True(Validate(meeting, new NextSpeaker(CommandId.New(), null) { Actor = Facilitator }).IsValid);
        Assert.True(Validate(meeting, new StartGoRound(CommandId.New()) { Actor = Facilitator }).IsValid);
    }

    [Fact]
    public void EveryCommandType_HasExactlyOneValidator_InDI_ShapeFreeOnlyByChoice()
    {
        var services = new ServiceCollection().AddFacilitatorKitApplication().BuildServiceProvider();
        var commands = typeof(MeetingCommand).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsPublic: true } && t.IsSubclassOf(typeof(MeetingCommand)))
            .ToList();

        Assert.True(commands.Count >= 29, $"Found only {commands.Count} command types.");
        Assert.All(commands, command =>
        {
            var validators = services.GetServices(typeof(IValidator<>).MakeGenericType(command)).ToList();
            var validator = Assert.Single(validators);
            Assert.True(
                typeof(CommandValidator<>).MakeGenericType(command).IsInstanceOfType(validator),
                $"{command.Name}'s validator must be a CommandValidator<{command.Name}> (or a ShapeFree<{command.Name}>), so it is run with the meeting's state.");
        });
    }

    [Fact]
    public void ValidatorFor_ATypeWithoutOne_SaysWhatToAdd()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => Validation.ValidatorFor(typeof(int)));

        Assert.Contains("ShapeFree<Int32>", missing.Message, StringComparison.Ordinal);
    }

    private static ValidationResult Validate(TestMeeting meeting, MeetingCommand command) =>
        Validation.Validate(meeting.State, command);

    private static SetUpMeeting SetUp(string[] names)
    {
        ImmutableArray<Participant> people = [.. names.Select(n => new Participant(ParticipantId.New(), n))];
        return new SetUpMeeting(CommandId.New(), MeetingId.New(), TestMeeting.Format, people, people[0].Id) { Actor = Facilitator };
    }

    private static MeetingCommand PersonCommand(string command, ParticipantId who) => command switch
    {
        "RaiseHand" => new RaiseHand(CommandId.New(), who) { Actor = Facilitator },
        "LowerHand" => new LowerHand(CommandId.New(), who) { Actor = Facilitator },
        "PointOfProcess" => new RaisePointOfProcess(CommandId.New(), who) { Actor = Facilitator },
        "Leaves" => new MarkParticipantLeft(CommandId.New(), who) { Actor = Facilitator },
        "StepsOut" => new MarkSteppedOut(CommandId.New(), who) { Actor = Facilitator },
        "IsBack" => new MarkSteppedBack(CommandId.New(), who) { Actor = Facilitator },
        "SignalBreak" => new SignalBreak(CommandId.New(), who) { Actor = Facilitator },
        "AnswerBreakRequest" => new AnswerBreakRequest(CommandId.New(), who) { Actor = Facilitator },
        "HandOverChair" => new HandOverChair(CommandId.New(), null, who) { Actor = Facilitator },
        "StartGoRound" => new StartGoRound(CommandId.New(), who) { Actor = Facilitator },
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, null),
    };

    private static MeetingCommand ItemCommand(string command, AgendaItemId item) => command switch
    {
        "Skip" => new SkipAgendaItem(CommandId.New(), item) { Actor = Facilitator },
        "Remove" => new RemoveAgendaItem(CommandId.New(), item) { Actor = Facilitator },
        "Move" => new MoveAgendaItem(CommandId.New(), item, 1) { Actor = Facilitator },
        "ReleaseQuietReserve" => new ReleaseQuietReserve(CommandId.New(), item) { Actor = Facilitator },
        "ChangeTurnPolicy" => new ChangeTurnPolicy(CommandId.New(), item, TurnPolicy.GoRound) { Actor = Facilitator },
        "ChangeTurnLimit" => new ChangeTurnLimit(CommandId.New(), item, TimeSpan.FromMinutes(3)) { Actor = Facilitator },
        "Extend" => new ExtendAgendaItem(CommandId.New(), item, TimeSpan.FromMinutes(5)) { Actor = Facilitator },
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, null),
    };

    [Theory]
    [InlineData("Library, room 2", null)]
    [InlineData(null, null)]
    [InlineData("Hall\u0007", nameof(InputProblem.PlaceHasInvisibleCharacters))]
    [InlineData("A place described at such great length that it goes well past the eighty characters allowed", nameof(InputProblem.PlaceTooLong))]
    public void PlanNextMeeting_ThePlaceIsAFewWords_WithNoInvisibleCharacters(string? place, string? problem)
    {
        var meeting = TestMeeting.Running("Ana", "Ben");

        var result = Validate(meeting, new PlanNextMeeting(CommandId.New(), new DateOnly(2026, 11, 29), place) { Actor = Facilitator });

        Assert.Equal(problem, result.Errors.Select(e => e.ErrorCode).SingleOrDefault());
    }
}
