using FacilitatorKit.Application.Validation;
using FacilitatorKit.Engine.Agenda;

namespace FacilitatorKit.Application.Tests.Validation;

/// <summary>Agenda items as a person types them: a title, a sane time box, a sane turn limit and quiet-member reserve.</summary>
public class AgendaItemInputValidatorTests
{
    private static readonly AgendaItemInputValidator Validator = new();
    private static readonly AgendaItemInput Sharing = new("Sharing", AgendaItemKind.Sharing, 40, TurnPolicy.Balanced, 5, 10);

    [Fact]
    public void AgendaItem_SharingAsInThePeerSupportCircle_IsValid() =>
        Assert.True(Validator.Validate(Sharing).IsValid);

    [Theory]
    [InlineData(1)]
    [InlineData(1.5)]
    [InlineData(90)]
    [InlineData(240)]
    public void TimeBox_FromOneMinuteToFourHours_IsAccepted(double minutes) =>
        Assert.Empty(Messages(Sharing with { Minutes = minutes, QuietReserveMinutes = null }));

    [Theory]
    [InlineData(0)]
    [InlineData(0.5)]
    [InlineData(-5)]
    [InlineData(240.5)]
    [InlineData(10_000)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void TimeBox_OutOfRange_IsRefusedWithTheRange(double minutes) =>
        Assert.Contains(nameof(InputProblem.TimeBoxOutOfRange), Messages(Sharing with { Minutes = minutes, QuietReserveMinutes = null }));

    [Theory]
    [InlineData(null)]
    [InlineData(0.25)]
    [InlineData(1.0)]
    [InlineData(5.0)]
    [InlineData(60.0)]
    public void TurnLimit_NoneOrFromFifteenSecondsToAnHour_IsAccepted(double? minutes) =>
        Assert.Empty(Messages(Sharing with { TurnLimitMinutes = minutes }));

    [Theory]
    [InlineData(0)]
    [InlineData(0.2)]
    [InlineData(-1)]
    [InlineData(61)]
    [InlineData(double.NaN)]
    public void TurnLimit_OutOfRange_IsRefusedWithTheRange(double minutes) =>
        Assert.Equal([nameof(InputProblem.TurnLimitOutOfRange)], Messages(Sharing with { TurnLimitMinutes = minutes }));

    [Theory]
    [InlineData(null)]
    [InlineData(1.0)]
    [InlineData(10.0)]
    [InlineData(39.5)]
    public void QuietReserve_NoneOrShorterThanTheTimeBox_IsAccepted(double? minutes) =>
        Assert.Empty(Messages(Sharing with { QuietReserveMinutes = minutes }));

    [Theory]
    [InlineData(0)]
    [InlineData(0.5)]
    [InlineData(40)]
    [InlineData(45)]
    [InlineData(double.NaN)]
    public void QuietReserve_NotShorterThanTheTimeBoxOrUnderAMinute_IsRefused(double minutes) =>
        Assert.Equal([nameof(InputProblem.QuietReserveTooLong)], Messages(Sharing with { QuietReserveMinutes = minutes }));

    [Theory]
    [InlineData(null, nameof(InputProblem.ItemNeedsTitle))]
    [InlineData("   ", nameof(InputProblem.ItemNeedsTitle))]
    [InlineData("Sharing\tround", nameof(InputProblem.TitleHasInvisibleCharacters))]
    [InlineData("123456789012345678901234567890123456789012345678901234567890123456789012345678901", nameof(InputProblem.TitleTooLong))]
    public void Title_MissingTooLongOrWithControlCharacters_IsRefused(string? title, string message) =>
        Assert.Equal([message], Messages(Sharing with { Title = title }));

    [Fact]
    public void Title_UpToEightyCharacters_IsAccepted() =>
        Assert.Empty(Messages(Sharing with { Title = "  " + new string('x', 80) + "  " }));

    [Fact]
    public void KindAndTurnOrder_OutsideTheKnownOnes_AreRefusedReadably()
    {
        var messages = Messages(Sharing with { Kind = (AgendaItemKind)99, TurnOrder = (TurnPolicy)7 });

        Assert.Contains(nameof(InputProblem.ItemKindUnknown), messages);
        Assert.Contains(nameof(InputProblem.TurnOrderUnknown), messages);
    }

    [Fact]
    public void ToPlan_TrimsTheTitleAndTurnsMinutesIntoTime()
    {
        var plan = new AgendaItemInput("  <i>Check-in</i> ", AgendaItemKind.CheckIn, 15, TurnPolicy.GoRound, 0.25, 2).ToPlan();

        Assert.Equal(new AgendaItemPlan("<i>Check-in</i>", AgendaItemKind.CheckIn, TimeSpan.FromMinutes(15), TurnPolicy.GoRound, TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(2)), plan);
    }

    [Fact]
    public void ToPlan_WithoutLimitOrReserve_HasNone()
    {
        var plan = new AgendaItemInput("Closing", AgendaItemKind.Closing, 10).ToPlan();

        Assert.Equal(TurnPolicy.RaiseHand, plan.TurnPolicy);
        Assert.Null(plan.TurnLimit);
        Assert.Null(plan.QuietReserve);
    }

    private static string[] Messages(AgendaItemInput input) => [.. Validator.Validate(input).Errors.Select(e => e.ErrorCode)];
}
