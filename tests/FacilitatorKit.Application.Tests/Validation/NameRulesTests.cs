using FacilitatorKit.Application.Validation;
using FluentValidation;

namespace FacilitatorKit.Application.Tests.Validation;

/// <summary>Names are first names or aliases: 1 to 40 characters after trimming, no control characters, never interpreted.</summary>
public class NameRulesTests
{
    private static readonly NameFormValidator Validator = new();

    [Theory]
    [InlineData("A")]
    [InlineData("Sam")]
    [InlineData("Zoë")]
    [InlineData("李娜")]
    [InlineData("O'Neil-Smith")]
    [InlineData("Sam 🌻")]
    [InlineData("Jo & Co; DROP TABLE members")]
    [InlineData("<b>Sam</b>")]
    [InlineData("abcdefghijabcdefghijabcdefghijabcdefghij")]
    [InlineData("   abcdefghijabcdefghijabcdefghijabcdefghij   ")]
    [InlineData("Agent 007")]
    [InlineData("Nguyễn")]               // two marks on one letter, as Vietnamese writes them
    [InlineData("Mehr‌noush")]       // the non-joiner Persian names need
    public void Name_OneToFortyCharactersAfterTrimming_IsAccepted(string name) =>
        Assert.True(Validator.Validate(new NameForm(name)).IsValid);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t \r\n")]
    public void Name_Missing_AsksForOne(string? name) =>
        Assert.Equal([nameof(InputProblem.NameMissing)], Problems(name));

    [Theory]
    [InlineData("12345678901234567890123456789012345678901")]
    [InlineData("Alexandra Konstantinopoulou-Featherstonehaugh")]
    public void Name_OverFortyCharacters_IsRefusedWithTheLimit(string name) =>
        Assert.Equal([nameof(InputProblem.NameTooLong)], Problems(name));

    [Theory]
    [InlineData("Sa\tm")]
    [InlineData("Line\nbreak")]
    [InlineData("Sam\u0000")]
    [InlineData("Bell\u0007")]
    [InlineData("Del\u007Fete")]
    [InlineData("C1\u0085control")]
    [InlineData("Esc\u001B[31mRed")]
    public void Name_WithControlCharacters_IsRefused(string name) =>
        Assert.Equal([nameof(InputProblem.NameHasInvisibleCharacters)], Problems(name));

    [Theory]
    [InlineData("Sam\u202Egnik")] // a right-to-left override makes "Samking" read as "Samgnik"
    [InlineData("An\u200Ba")]     // a zero-width space makes a second "Ana" look like the first
    [InlineData("\uFEFFBen")]
    public void Name_WithInvisibleFormattingCharacters_IsRefused(string name) =>
        Assert.Equal([nameof(InputProblem.NameHasInvisibleCharacters)], Problems(name));

    /// <summary>Issue 13 F8: names that look blank were accepted and listed as an empty row.</summary>
    [Theory]
    [InlineData("\u3164")]         // Hangul filler: a letter that draws nothing
    [InlineData("\u2800\u2800")]   // blank Braille patterns
    [InlineData("\u200D")]         // a lone zero-width joiner
    [InlineData("\u0301")]         // a combining mark with nothing to sit on
    [InlineData("\uFFA0\u115F")]
    public void Name_ThatLooksBlank_IsRefused(string name) =>
        Assert.Equal([nameof(InputProblem.NameLooksBlank)], Problems(name));

    [Theory]
    [InlineData("Ana\u2028Ben")] // a line separator inside a name
    [InlineData("Ana\u2029Ben")]
    [InlineData("Ana\u00A0Ben")] // a space that is not a space
    public void Name_WithLineSeparatorsOrOddSpaces_IsRefused(string name) =>
        Assert.Equal([nameof(InputProblem.NameHasInvisibleCharacters)], Problems(name));

    /// <summary>Issue 13 F8: one "40-character" name held 820 code points, and its marks drew across other rows.</summary>
    [Fact]
    public void Name_WithMarksStackedOnALetter_IsRefused()
    {
        var zalgo = "A" + string.Concat(Enumerable.Repeat("\u0300\u0301\u0302", 20)) + "na";

        Assert.Equal([nameof(InputProblem.NameHasStackedMarks)], Problems(zalgo));
        Assert.True(Validator.Validate(new NameForm("A\u0300\u0301\u0302\u0303na")).IsValid); // four still pass
    }

    [Theory]
    [InlineData("ana@example.com")]
    [InlineData("+44 7700 900123")]
    [InlineData("(01) 234-5678")]
    public void Name_ThatIsAnEmailOrPhoneNumber_IsRefused(string name) =>
        Assert.Equal([nameof(InputProblem.NameLooksLikeContact)], Problems(name));

    /// <summary>Issue 13 §4: a full name or a contact gets the gentle hint under the field; a first name or an alias does not.</summary>
    [Theory]
    [InlineData("Ana Lopez", true)]
    [InlineData("Jean-Luc O'Brien", true)]
    [InlineData("Zoë Ångström", true)]
    [InlineData("Mary Ann Smith", true)]
    [InlineData("ana@example.com", true)]
    [InlineData("Ana", false)]
    [InlineData("Ana B", false)]
    [InlineData("Ana B.", false)]
    [InlineData("big Sam", false)]
    [InlineData("DJ", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void WantsAnonymityHint_ForAFullNameOrAContact(string? name, bool hint)
    {
        Assert.Equal(hint, NameRules.WantsAnonymityHint(name));
        if (hint && name is not null && !name.Contains('@', StringComparison.Ordinal))
        {
            Assert.True(Validator.Validate(new NameForm(name)).IsValid); // a hint, never a refusal
        }
    }

    [Theory]
    [InlineData("Ana", "ana")]
    [InlineData("Ana", "Ana\u200D")]     // a hidden joiner
    [InlineData("Ana", "\u0410n\u0430")] // Cyrillic А and а
    [InlineData("Ana", "Ａｎａ")]         // full-width
    [InlineData("Ola", "\u039Fla")]       // Greek Omicron
    public void Same_TellsNamesApartAsPeopleSeeThem(string a, string b) => Assert.True(NameRules.Same(a, b));

    [Theory]
    [InlineData("Ana", "Anna")]
    [InlineData("José", "Jose")]
    [InlineData("Lena", "Léna")]
    public void Same_KeepsDifferentNamesApart(string a, string b) => Assert.False(NameRules.Same(a, b));

    [Fact]
    public void Name_CountsCharactersAsPeopleSeeThem()
    {
        var twentyFlowers = string.Concat(Enumerable.Repeat("🌻", 20));   // 40 UTF-16 units, 20 characters
        var family = "👩\u200D👩\u200D👧";                                 // one character, joined by zero-width joiners
        var fortyAccented = string.Concat(Enumerable.Repeat("e\u0301", 40)); // 40 characters, 80 UTF-16 units

        Assert.True(Validator.Validate(new NameForm(twentyFlowers + twentyFlowers)).IsValid);
        Assert.True(Validator.Validate(new NameForm(family)).IsValid);
        Assert.True(Validator.Validate(new NameForm(fortyAccented)).IsValid);
        Assert.False(Validator.Validate(new NameForm(fortyAccented + "e")).IsValid);
    }

    [Fact]
    public void Normalize_TrimsAndKeepsEverythingElseAsTyped()
    {
        Assert.Equal("<b>Sam</b>", NameRules.Normalize("  <b>Sam</b>\n"));
        Assert.Equal("Ana  Maria", NameRules.Normalize("Ana  Maria"));
        Assert.Equal("", NameRules.Normalize(null));
    }

    [Fact]
    public void Name_WithMarkup_PassesTheRules_ToBeKeptExactlyAsTyped() =>
        Assert.True(Validator.Validate(new NameForm(" <b>Sam</b> ")).IsValid);

    [Theory]
    [InlineData(null)]
    [InlineData("12345678901234567890123456789012345678901")]
    [InlineData("Tab\there")]
    public void NameProblems_SayWhichNameAndTheLimit_ForTheScreenToWord(string? name)
    {
        var error = FieldError.From(Assert.Single(Validator.Validate(new NameForm(name)).Errors));

        Assert.Equal(NameOf.MemberName, error.Args["What"]);
        if (error.Is(InputProblem.NameTooLong))
        {
            Assert.Equal(40, error.Args["Max"]);
        }
    }

    private static string[] Problems(string? name) => [.. Validator.Validate(new NameForm(name)).Errors.Select(e => e.ErrorCode)];

    private sealed record NameForm(string? Name);

    private sealed class NameFormValidator : AbstractValidator<NameForm>
    {
        public NameFormValidator() => RuleFor(f => f.Name).MustBeAName(NameOf.MemberName);
    }
}
