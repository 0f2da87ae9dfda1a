using FacilitatorKit.Engine.Agenda;
using FluentValidation;

namespace FacilitatorKit.Application.Validation;

/// <summary>An agenda item as a person types it, with times in minutes.</summary>
public sealed record AgendaItemInput(
    string? Title,
    AgendaItemKind Kind,
    double Minutes,
    TurnPolicy TurnOrder = TurnPolicy.RaiseHand,
    double? TurnLimitMinutes = null,
    double? QuietReserveMinutes = null)
{
    public AgendaItemPlan ToPlan() => new(
        NameRules.Normalize(Title),
        Kind,
        TimeSpan.FromMinutes(Minutes),
        TurnOrder,
        TurnLimitMinutes is { } limit ? TimeSpan.FromMinutes(limit) : null,
        QuietReserveMinutes is { } reserve ? TimeSpan.FromMinutes(reserve) : null);
}

/// <summary>Sane time boxes and limits, in words a facilitator can act on.</summary>
public sealed class AgendaItemInputValidator : AbstractValidator<AgendaItemInput>
{
    public const int MaxTitleLength = 80;
    public const double MaxMinutes = 240;
    public const double ShortestTurnMinutes = 0.25;
    public const double LongestTurnMinutes = 60;

    public AgendaItemInputValidator()
    {
        RuleFor(i => i.Title)
            .Must(t => NameRules.Normalize(t).Length > 0).WithMessage("Please give the agenda item a title.")
            .Must(t => NameRules.Length(t) <= MaxTitleLength).WithMessage($"An agenda item's title can be at most {MaxTitleLength} characters.")
            .Must(t => !NameRules.HasControlCharacters(NameRules.Normalize(t))).WithMessage("A title can't contain line breaks, tabs or other control characters.");
        RuleFor(i => i.Kind).IsInEnum().WithMessage("Please choose what kind of item this is.");
        RuleFor(i => i.TurnOrder).IsInEnum().WithMessage("Please choose a turn order: Raise hand, Go-round or Balanced.");
        RuleFor(i => i.Minutes)
            .Must(m => double.IsFinite(m) && m >= 1 && m <= MaxMinutes)
            .WithMessage($"A time box is between 1 and {MaxMinutes:0} minutes.");
        RuleFor(i => i.TurnLimitMinutes)
            .Must(m => m is null || (double.IsFinite(m.Value) && m >= ShortestTurnMinutes && m <= LongestTurnMinutes))
            .WithMessage("A turn limit is between a quarter of a minute and 60 minutes, or none.");
        RuleFor(i => i.QuietReserveMinutes)
            .Must((item, m) => m is null || (double.IsFinite(m.Value) && m >= 1 && m < item.Minutes))
            .WithMessage("The time kept for quiet members must be at least a minute and shorter than the time box.");
    }
}
