using System.Globalization;
using FacilitatorKit.Engine;
using FluentValidation;

namespace FacilitatorKit.Application.Validation;

/// <summary>
/// Names are first names or aliases: 1 to <see cref="Limits.NameLength"/> characters after trimming, with no control
/// characters. Characters are counted as people see them (an emoji is one), and invisible formatting characters such
/// as right-to-left overrides or zero-width spaces are refused, because they can make one name look like another.
/// Text is kept exactly as typed apart from the trim; it is never interpreted as markup.
/// </summary>
public static class NameRules
{
    public static string Normalize(string? name) => (name ?? "").Trim();

    /// <summary>Control characters, and invisible formatting ones except the joiner that emoji sequences need.</summary>
    public static bool HasControlCharacters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Any(c => char.IsControl(c) || (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format && c != ZeroWidthJoiner));
    }

    /// <summary>The length a person would count: user-perceived characters, not UTF-16 units.</summary>
    public static int Length(string? text) => new StringInfo(Normalize(text)).LengthInTextElements;

    /// <summary>Two names that people would take for the same one.</summary>
    public static bool Same(string a, string b) => string.Equals(Normalize(a), Normalize(b), StringComparison.OrdinalIgnoreCase);

    private const char ZeroWidthJoiner = '\u200D';

    /// <summary>The name rules, with problems that say which name they are about.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeAName<T>(this IRuleBuilder<T, string?> rule, NameOf what) =>
        rule
            .Must(n => Normalize(n).Length > 0).Because(InputProblem.NameMissing, ("What", what))
            .Must(n => Length(n) <= Limits.NameLength).Because(InputProblem.NameTooLong, ("What", what), ("Max", Limits.NameLength))
            .Must(n => !HasControlCharacters(Normalize(n))).Because(InputProblem.NameHasInvisibleCharacters, ("What", what));
}
