using FacilitatorKit.Application.Summaries;
using FacilitatorKit.Engine;
using FacilitatorKit.Web.Components.Tests.Support;
using FacilitatorKit.Web.Summaries;

namespace FacilitatorKit.Web.Components.Tests.Summaries;

/// <summary>The summary as Markdown and as a calendar file: typed text stays text, and nothing but group business is in it.</summary>
public class SummaryTextTests
{
    private static readonly SummaryText Text = new(TestWords.Instance);

    [Theory]
    [InlineData("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>")]
    [InlineData("[a link](https://example.com)", "\\[a link\\](https://example.com)")]
    [InlineData("**loud** _quiet_ `code` ~~gone~~", "\\*\\*loud\\*\\* \\_quiet\\_ \\`code\\` \\~\\~gone\\~\\~")]
    [InlineData("# heading", "\\# heading")]
    [InlineData("&lt;", "\\&lt;")]
    [InlineData("- a list\n1. numbered\n=== line", "\\- a list\n1\\. numbered\n\\=== line")]
    [InlineData("Ana - Ben, 2 p.m. (room 2)", "Ana - Ben, 2 p.m. (room 2)")]
    public void Escape_LeavesNothingThatWouldBecomeMarkup_AndPlainTextAsItReads(string typed, string escaped) =>
        Assert.Equal(escaped, SummaryText.Escape(typed));

    [Fact]
    public void Markdown_HasTheFactsTheItemsAndTheNextMeeting_AndTypedTextStaysText()
    {
        var markdown = Text.Markdown(Summary(), _ => "1 Dec 2026", _ => "19:30");

        Assert.StartsWith("# Meeting summary: Tuesday circle, meeting 3", markdown, StringComparison.Ordinal);
        Assert.Contains("Chair: Ana", markdown, StringComparison.Ordinal);
        Assert.Contains("- Ana handed the chair to Ben at 19:30.", markdown, StringComparison.Ordinal);
        Assert.Contains("Ana, Ben, Cy", markdown, StringComparison.Ordinal);
        Assert.Contains("### Decisions", markdown, StringComparison.Ordinal);
        Assert.Contains("- \\<b\\>New room\\</b\\> from January", markdown, StringComparison.Ordinal);
        Assert.Contains("- Book the room (owner: Ben)", markdown, StringComparison.Ordinal);
        Assert.Contains("### Celebrations", markdown, StringComparison.Ordinal);
        Assert.Contains("- Place: Library, room 2", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("### Resources", markdown, StringComparison.Ordinal); // an empty list is left out
    }

    [Fact]
    public void Calendar_IsAnAllDayEventOnThePlannedDay_AtThePlannedPlace_WithNoNames()
    {
        var ics = NextMeetingCalendar.Of(Summary(), TestWords.Instance)!;

        var next = Assert.Single(Ical.Net.Calendar.Load(ics)!.Events);
        Assert.Equal(new DateOnly(2026, 12, 8), DateOnly.FromDateTime(next.Start!.Value));
        Assert.False(next.Start.HasTime);
        Assert.Equal("Library, room 2", next.Location);
        Assert.Equal("Tuesday circle: next meeting", next.Summary);
        Assert.DoesNotContain("Ana", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("Ben", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Calendar_WithoutAPlannedDate_IsNone()
    {
        var summary = Summary();

        Assert.Null(NextMeetingCalendar.Of(summary with { Content = summary.Content with { NextOn = null } }, TestWords.Instance));
    }

    private static MeetingSummary Summary() => new(
        new SummaryFacts(MeetingId.New(), Guid.NewGuid(), "Tuesday circle", 3, null, new DateTimeOffset(2026, 12, 1, 19, 0, 0, TimeSpan.Zero), "Ana",
            [new SummaryHandover("Ana", "Ben", new DateTimeOffset(2026, 12, 1, 19, 30, 0, TimeSpan.Zero))], ["Ana", "Ben", "Cy"], HasEnded: true),
        new SummaryContent(
            [
                new SummaryItem(2, "Group business", ["<b>New room</b> from January"], [new ActionItem("Book the room", "Ben")], [], []),
                new SummaryItem(3, "Celebrations", [], [], [], ["Cy: one year"]),
            ],
            "Ben", new DateOnly(2026, 12, 8), "Library, room 2"),
        1, DateTimeOffset.UnixEpoch);
}
