using FacilitatorKit.Engine.Agenda;
using FluentValidation;

namespace FacilitatorKit.Application.Validation;

/// <summary>A format is a named agenda of 1 to 40 sane items, at most 8 hours in all.</summary>
public sealed class FormatValidator : AbstractValidator<MeetingFormat>
{
    public const int MaxItems = 40;
    public static readonly TimeSpan MaxLength = TimeSpan.FromHours(8);

    public FormatValidator()
    {
        RuleFor(f => f.Name).MustBeAName("format name");
        RuleFor(f => f.Items)
            .Must(items => !items.IsDefaultOrEmpty).WithMessage("A format needs at least one agenda item.")
            .Must(items => items.IsDefault || items.Length <= MaxItems).WithMessage($"A format can have at most {MaxItems} agenda items.");
        RuleFor(f => f.TotalTime).LessThanOrEqualTo(MaxLength).When(f => !f.Items.IsDefault)
            .WithMessage("A format can last at most 8 hours in all.");
        RuleForEach(f => f.Items).ChildRules(item =>
            item.RuleFor(i => Input(i)).SetValidator(new AgendaItemInputValidator()).OverridePropertyName("Item"))
            .When(f => !f.Items.IsDefault);
    }

    private static AgendaItemInput Input(AgendaItemPlan plan) => new(
        plan.Title, plan.Kind, plan.TimeBox.TotalMinutes, plan.TurnPolicy, plan.TurnLimit?.TotalMinutes, plan.QuietReserve?.TotalMinutes);
}
