using System.Globalization;
using FluentValidation;

namespace FacilitatorKit.Application.Validation;

/// <summary>
/// Names are first names or aliases: 1 to 40 characters after trimming, with no control characters.
/// Characters are counted as people see them (an emoji is one), and invisible formatting characters such as
/// right-to-left overrides or zero-width spaces are refused, because they can make one name look like another.
/// Text is kept exactly as typed apart from the trim; it is never interpreted as markup.
/// </summary>
public static class NameRules
{
    public const int MaxLength = 40;

    public static string Normalize(string? name) => (name ?? "").Trim();

    /// <summary>Control characters, and invisible formatting ones except the joiner that emoji sequences need.</summary>
    public static bool HasControlCharacters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Any(c => char.IsControl(c) || (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format && c != ZeroWidthJoiner));
    }

    /// <summary>The length a person would count: user-perceived characters, not UTF-16 units.</summary>
    public static int Length(string? text) => new StringInfo(Normalize(text)).LengthInTextElements;

    private const char ZeroWidthJoiner = '\u200D';

    /// <summary>The name rules, with messages that say which field they are about.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeAName<T>(this IRuleBuilder<T, string?> rule, string what) =>
        rule
            .Must(n => Normalize(n).Length > 0).WithMessage($"Please enter a {what}.")
            .Must(n => Length(n) <= MaxLength).WithMessage($"A {what} can be at most {MaxLength} characters. A first name or an alias is enough.")
            .Must(n => !HasControlCharacters(Normalize(n))).WithMessage($"A {what} can't contain line breaks, tabs, or invisible control or formatting characters.");
}
