using FacilitatorKit.Engine;
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

    public static AgendaItemInput From(AgendaItemPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(plan.Title, plan.Kind, plan.TimeBox.TotalMinutes, plan.TurnPolicy, plan.TurnLimit?.TotalMinutes, plan.QuietReserve?.TotalMinutes);
    }
}

/// <summary>Sane time boxes and limits (<see cref="Limits"/>), each with its problem.</summary>
public sealed class AgendaItemInputValidator : AbstractValidator<AgendaItemInput>
{
    public AgendaItemInputValidator()
    {
        RuleFor(i => i.Title)
            .Must(t => NameRules.Normalize(t).Length > 0).Because(InputProblem.ItemNeedsTitle)
            .Must(t => NameRules.Length(t) <= Limits.TitleLength).Because(InputProblem.TitleTooLong, ("Max", Limits.TitleLength))
            .Must(t => !NameRules.HasControlCharacters(NameRules.Normalize(t))).Because(InputProblem.TitleHasInvisibleCharacters);
        RuleFor(i => i.Kind).IsInEnum().Because(InputProblem.ItemKindUnknown);
        RuleFor(i => i.TurnOrder).IsInEnum().Because(InputProblem.TurnOrderUnknown);
        RuleFor(i => i.Minutes)
            .Must(m => Within(m, Limits.ShortestTimeBox, Limits.LongestTimeBox))
            .Because(InputProblem.TimeBoxOutOfRange, ("Min", Limits.ShortestTimeBox), ("Max", Limits.LongestTimeBox));
        RuleFor(i => i.TurnLimitMinutes)
            .Must(m => m is null || Within(m.Value, Limits.ShortestTurnLimit, Limits.LongestTurnLimit))
            .Because(InputProblem.TurnLimitOutOfRange, ("Min", Limits.ShortestTurnLimit), ("Max", Limits.LongestTurnLimit));
        RuleFor(i => i.QuietReserveMinutes)
            .Must((item, m) => m is null || (Within(m.Value, Limits.ShortestQuietReserve, Limits.LongestTimeBox) && m < item.Minutes))
            .Because(InputProblem.QuietReserveTooLong, ("Min", Limits.ShortestQuietReserve));
    }

    private static bool Within(double minutes, TimeSpan shortest, TimeSpan longest) =>
        double.IsFinite(minutes) && minutes >= shortest.TotalMinutes && minutes <= longest.TotalMinutes;
}
