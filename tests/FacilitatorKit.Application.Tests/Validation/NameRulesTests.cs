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
    [InlineData("1234567890123456789012345678901234567890")]
    [InlineData("   1234567890123456789012345678901234567890   ")]
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
