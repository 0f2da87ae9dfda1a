using FacilitatorKit.Application.Validation;
using FacilitatorKit.Engine;
using FluentValidation;

namespace FacilitatorKit.Application.Summaries;

/// <summary>
/// A summary at the boundary: each entry (a decision, an action, a resource, a celebration) at most
/// <see cref="MaxEntryLength"/> characters with no control characters but line breaks and tabs; each list at most
/// <see cref="MaxEntries"/> entries; every action has an owner who is named as members are (a first name or alias);
/// the next chair, when given, likewise; the place as the closing takes it. Text is kept as typed, never markup.
/// </summary>
public sealed class SummaryContentValidator : AbstractValidator<SummaryContent>
{
    /// <summary>The longest entry, in UTF-16 units as the browser counts them.</summary>
    public const int MaxEntryLength = 2_000;

    /// <summary>The most entries in one list of one item.</summary>
    public const int MaxEntries = 100;

    public SummaryContentValidator()
    {
        RuleFor(c => c.Items).NotNull()
            .Must(items => items.Count <= Limits.AgendaItems).Because(InputProblem.SummaryTooManyEntries, ("Max", Limits.AgendaItems));
        RuleForEach(c => c.Items).ChildRules(item =>
        {
            item.RuleFor(i => i.Decisions).Must(l => l.Count <= MaxEntries).Because(InputProblem.SummaryTooManyEntries, ("Max", MaxEntries));
            item.RuleFor(i => i.Actions).Must(l => l.Count <= MaxEntries).Because(InputProblem.SummaryTooManyEntries, ("Max", MaxEntries));
            item.RuleFor(i => i.Resources).Must(l => l.Count <= MaxEntries).Because(InputProblem.SummaryTooManyEntries, ("Max", MaxEntries));
            item.RuleFor(i => i.Celebrations).Must(l => l.Count <= MaxEntries).Because(InputProblem.SummaryTooManyEntries, ("Max", MaxEntries));
            item.RuleForEach(i => i.Decisions).MustBeAnEntry();
            item.RuleForEach(i => i.Resources).MustBeAnEntry();
            item.RuleForEach(i => i.Celebrations).MustBeAnEntry();
            item.RuleForEach(i => i.Actions).ChildRules(action =>
            {
                action.RuleFor(a => a.What).MustBeAnEntry();
                action.RuleFor(a => a.Owner).MustBeAName(NameOf.ActionOwner);
            });
        });
        RuleFor(c => c.NextChair).MustBeAName(NameOf.NextChair).When(c => c.NextChair is not null);
        RuleFor(c => c.NextPlace)
            .Must(p => NameRules.Length(p) <= Limits.PlaceLength).Because(InputProblem.PlaceTooLong, ("Max", Limits.PlaceLength))
            .Must(p => !NameRules.HasControlCharacters(NameRules.Normalize(p))).Because(InputProblem.PlaceHasInvisibleCharacters);
    }
}

internal static class SummaryRules
{
    public static IRuleBuilderOptions<T, string> MustBeAnEntry<T>(this IRuleBuilder<T, string> rule) =>
        rule
            .Must(e => e is not null && e.Length <= SummaryContentValidator.MaxEntryLength)
            .Because(InputProblem.SummaryEntryTooLong, ("Max", SummaryContentValidator.MaxEntryLength))
            .Must(e => e is null || !e.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            .Because(InputProblem.SummaryEntryHasInvisibleCharacters);
}
