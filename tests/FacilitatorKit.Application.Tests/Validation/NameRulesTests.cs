using FacilitatorKit.Application.Tests.Support;
using FacilitatorKit.Application.Validation;
using FacilitatorKit.Engine.Roles;
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
        Assert.Equal(["Please enter a name."], Messages(name));

    [Theory]
    [InlineData("12345678901234567890123456789012345678901")]
    [InlineData("Alexandra Konstantinopoulou-Featherstonehaugh")]
    public void Name_OverFortyCharacters_IsRefusedWithTheLimit(string name) =>
        Assert.Equal(["A name can be at most 40 characters. A first name or an alias is enough."], Messages(name));

    [Theory]
    [InlineData("Sa\tm")]
    [InlineData("Line\nbreak")]
    [InlineData("Sam\u0000")]
    [InlineData("Bell\u0007")]
    [InlineData("Del\u007Fete")]
    [InlineData("C1\u0085control")]
    [InlineData("Esc\u001B[31mRed")]
    public void Name_WithControlCharacters_IsRefused(string name) =>
        Assert.Equal(["A name can't contain line breaks, tabs, or invisible control or formatting characters."], Messages(name));

    [Theory]
    [InlineData("Sam\u202Egnik")] // a right-to-left override makes "Samking" read as "Samgnik"
    [InlineData("An\u200Ba")]     // a zero-width space makes a second "Ana" look like the first
    [InlineData("\uFEFFBen")]
    public void Name_WithInvisibleFormattingCharacters_IsRefused(string name) =>
        Assert.Equal(["A name can't contain line breaks, tabs, or invisible control or formatting characters."], Messages(name));

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
    public void Name_WithMarkup_IsKeptExactlyAsTypedOnTheWayToTheEngine()
    {
        var meeting = TestMeeting.Running("Ana");

        var added = new MeetingInput(meeting.State, Actor.Facilitator).AddParticipant("<b>Sam</b>");

        Assert.True(added.IsValid);
        Assert.Equal("<b>Sam</b>", added.Value!.Participant.Name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("12345678901234567890123456789012345678901")]
    [InlineData("Tab\there")]
    public void NameMessages_AreSentencesAFacilitatorCanRead(string? name)
    {
        var message = Assert.Single(Messages(name));

        Assert.True(char.IsUpper(message[0]), message);
        Assert.EndsWith(".", message, StringComparison.Ordinal);
        Assert.Contains("name", message, StringComparison.Ordinal);
        Assert.DoesNotContain("'Name'", message, StringComparison.Ordinal); // FluentValidation's default wording
        foreach (var jargon in new[] { "NameForm", "must not", "null", "predicate", "validator", "regex", "{", "}" })
        {
            Assert.DoesNotContain(jargon, message, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static string[] Messages(string? name) => [.. Validator.Validate(new NameForm(name)).Errors.Select(e => e.ErrorMessage)];

    private sealed record NameForm(string? Name);

    private sealed class NameFormValidator : AbstractValidator<NameForm>
    {
        public NameFormValidator() => RuleFor(f => f.Name).MustBeAName("name");
    }
}
