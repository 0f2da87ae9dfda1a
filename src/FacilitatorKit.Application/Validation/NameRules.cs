using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FacilitatorKit.Engine;
using FluentValidation;

namespace FacilitatorKit.Application.Validation;

/// <summary>
/// Names are first names or aliases: 1 to <see cref="Limits.NameLength"/> characters after trimming, with no control
/// characters. Characters are counted as people see them (an emoji is one), and invisible formatting characters such
/// as right-to-left overrides or zero-width spaces are refused, because they can make one name look like another.
/// Text is kept exactly as typed apart from the trim; it is never interpreted as markup.
/// </summary>
public static partial class NameRules
{
    /// <summary>How many combining marks one character may carry: enough for any script, too few to draw across other rows.</summary>
    public const int MostMarksOnOneCharacter = 4;
    public static string Normalize(string? name) => (name ?? "").Trim();

    /// <summary>
    /// Control characters, line and paragraph separators, spaces other than the plain one, and invisible formatting
    /// characters except the joiners that emoji sequences and some scripts need.
    /// </summary>
    public static bool HasControlCharacters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Any(c => char.IsControl(c)
            || (char.IsWhiteSpace(c) && c != ' ')
            || (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format && c is not (ZeroWidthJoiner or ZeroWidthNonJoiner)));
    }

    /// <summary>
    /// Nothing in it that a person would see: only blank-looking letters (the Hangul and halfwidth fillers, the blank
    /// Braille pattern), joiners or marks with nothing to sit on.
    /// </summary>
    public static bool LooksBlank(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var whitespace = rune.IsBmp && char.IsWhiteSpace((char)rune.Value);
            var invisible = whitespace || Blank.Contains(rune.Value)
                || category is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark;
            if (!invisible)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The most combining marks on any one character (a user-perceived one) of the text.</summary>
    public static int MostMarks(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var most = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var marks = elements.GetTextElement().EnumerateRunes()
                .Count(r => Rune.GetUnicodeCategory(r) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark);
            most = Math.Max(most, marks);
        }

        return most;
    }

    /// <summary>An email address or a phone number, where a first name or an alias belongs.</summary>
    public static bool LooksLikeContact(string text) => EmailLike().IsMatch(text) || PhoneLike().IsMatch(text);

    /// <summary>
    /// A first name and a surname ("Ana Lopez": two or more capitalised words), or a contact: accepted, but the form
    /// gently says "First names or aliases keep members anonymous." under the field (issue 13 §4). Not an error: many
    /// aliases are two words, and the group knows best.
    /// </summary>
    public static bool LooksLikeFullName(string? text) => FullNameLike().IsMatch(Normalize(text));

    /// <summary>Whether the name field shows the anonymity hint.</summary>
    public static bool WantsAnonymityHint(string? text) => LooksLikeFullName(text) || LooksLikeContact(Normalize(text));

    /// <summary>The length a person would count: user-perceived characters, not UTF-16 units.</summary>
    public static int Length(string? text) => new StringInfo(Normalize(text)).LengthInTextElements;

    /// <summary>
    /// Two names that people would take for the same one: the same letters whatever their case, compatibility form
    /// (a full-width "Ａｎａ") or invisible joiners, and Latin letters' look-alikes in Cyrillic and Greek ("Аnа").
    /// </summary>
    public static bool Same(string a, string b) => string.Equals(Skeleton(a), Skeleton(b), StringComparison.Ordinal);

    /// <summary>What a name looks like, for telling names apart (UTS #39's idea of a skeleton, for the scripts groups mix most).</summary>
    public static string Skeleton(string? name)
    {
        var folded = Normalize(name).Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var skeleton = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            skeleton.Append(LookAlikes.TryGetValue(c, out var latin) ? latin : c);
        }

        return skeleton.ToString();
    }

    private const char ZeroWidthJoiner = '\u200D';
    private const char ZeroWidthNonJoiner = '\u200C';

    // Letters that draw blank although they are letters or symbols.
    private static readonly HashSet<int> Blank = [0x115F, 0x1160, 0x2800, 0x3164, 0xFFA0, 0x180E, 0x034F];

    // Cyrillic and Greek letters that look like Latin ones (lower case: the skeleton is folded first).
    private static readonly Dictionary<char, char> LookAlikes = new()
    {
        ['а'] = 'a', ['в'] = 'b', ['е'] = 'e', ['ё'] = 'e', ['к'] = 'k', ['м'] = 'm', ['н'] = 'h', ['о'] = 'o', ['р'] = 'p',
        ['с'] = 'c', ['т'] = 't', ['у'] = 'y', ['х'] = 'x', ['ѕ'] = 's', ['і'] = 'i', ['ї'] = 'i', ['ј'] = 'j', ['һ'] = 'h',
        ['ԁ'] = 'd', ['ԛ'] = 'q', ['ԝ'] = 'w', ['ɑ'] = 'a',
        ['α'] = 'a', ['β'] = 'b', ['ε'] = 'e', ['ζ'] = 'z', ['η'] = 'n', ['ι'] = 'i', ['κ'] = 'k', ['μ'] = 'u', ['ν'] = 'v',
        ['ο'] = 'o', ['ρ'] = 'p', ['τ'] = 't', ['υ'] = 'u', ['χ'] = 'x', ['ϲ'] = 'c', ['ϳ'] = 'j',
    };

    // Two or more words, each starting with a capital letter and holding at least one small letter (with the
    // apostrophes and hyphens of names such as O'Brien or Jean-Luc).
    [GeneratedRegex(@"^\p{Lu}[\p{L}\p{Mn}'’\-]*\p{Ll}[\p{L}\p{Mn}'’\-]*(\s+\p{Lu}[\p{L}\p{Mn}'’\-]*\p{Ll}[\p{L}\p{Mn}'’\-]*)+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex FullNameLike();

    [GeneratedRegex(@"\S+@\S+\.\S+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex EmailLike();

    // Seven to fifteen digits (the longest international number), with only what phone numbers are written with.
    [GeneratedRegex(@"^\+?[\s().\-/]*(\d[\s().\-/]*){7,15}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex PhoneLike();

    /// <summary>The name rules, with problems that say which name they are about.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeAName<T>(this IRuleBuilder<T, string?> rule, NameOf what) =>
        rule
            .Must(n => Normalize(n).Length > 0).Because(InputProblem.NameMissing, ("What", what))
            .Must(n => Length(n) <= Limits.NameLength).Because(InputProblem.NameTooLong, ("What", what), ("Max", Limits.NameLength))
            .Must(n => !HasControlCharacters(Normalize(n))).Because(InputProblem.NameHasInvisibleCharacters, ("What", what))
            .Must(n => Normalize(n).Length == 0 || !LooksBlank(Normalize(n))).Because(InputProblem.NameLooksBlank, ("What", what))
            .Must(n => MostMarks(Normalize(n)) <= MostMarksOnOneCharacter).Because(InputProblem.NameHasStackedMarks, ("What", what), ("Max", MostMarksOnOneCharacter))
            .Must(n => !LooksLikeContact(Normalize(n))).Because(InputProblem.NameLooksLikeContact, ("What", what));
}
