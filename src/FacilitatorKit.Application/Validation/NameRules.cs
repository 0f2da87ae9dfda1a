using FluentValidation;

namespace FacilitatorKit.Application.Validation;

/// <summary>
/// Names are first names or aliases: 1 to 40 characters after trimming, with no control characters.
/// Text is kept exactly as typed apart from the trim; it is never interpreted as markup.
/// </summary>
public static class NameRules
{
    public const int MaxLength = 40;

    public static string Normalize(string? name) => (name ?? "").Trim();

    public static bool HasControlCharacters(string text) => text.Any(char.IsControl);

    /// <summary>The name rules, with messages that say which field they are about.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeAName<T>(this IRuleBuilder<T, string?> rule, string what) =>
        rule
            .Must(n => Normalize(n).Length > 0).WithMessage($"Please enter a {what}.")
            .Must(n => Normalize(n).Length <= MaxLength).WithMessage($"A {what} can be at most {MaxLength} characters. A first name or an alias is enough.")
            .Must(n => !HasControlCharacters(Normalize(n))).WithMessage($"A {what} can't contain line breaks, tabs or other control characters.");
}
