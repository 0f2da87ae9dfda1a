using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FluentValidation;

namespace FacilitatorKit.Application.Validation;

/// <summary>A format is a named agenda of 1 to <see cref="Limits.FormatItems"/> sane items, at most <see cref="Limits.LongestFormat"/> in all.</summary>
public sealed class FormatValidator : AbstractValidator<MeetingFormat>
{
    public FormatValidator()
    {
        RuleFor(f => f.Name).MustBeAName(NameOf.FormatName);
        RuleFor(f => f.Items)
            .Must(items => !items.IsDefaultOrEmpty).Because(InputProblem.FormatHasNoItems)
            .Must(items => items.IsDefault || items.Length <= Limits.FormatItems).Because(InputProblem.FormatTooManyItems, ("Max", Limits.FormatItems));
        RuleFor(f => f.TotalTime).LessThanOrEqualTo(Limits.LongestFormat).When(f => !f.Items.IsDefault)
            .Because(InputProblem.FormatTooLong, ("Max", Limits.LongestFormat));
        RuleForEach(f => f.Items).ChildRules(item =>
            item.RuleFor(i => AgendaItemInput.From(i)).SetValidator(new AgendaItemInputValidator()).OverridePropertyName("Item"))
            .When(f => !f.Items.IsDefault);
    }
}
