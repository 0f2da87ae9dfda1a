using System.Globalization;
using System.Text;
using FacilitatorKit.Application.Summaries;
using FacilitatorKit.Engine;
using FacilitatorKit.Web.Look;

namespace FacilitatorKit.Web.Summaries;

/// <summary>
/// The summary's downloads: <c>GET /meetings/{id}/summary.md</c> (the newest version as Markdown) and
/// <c>GET /meetings/{id}/next-meeting.ics</c> (only when a next date is planned). File names carry the date, never a
/// name. (Sign-in will guard these with the summary page.)
/// </summary>
public static class SummaryFiles
{
    public static IEndpointRouteBuilder MapSummaryFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/meetings/{id:guid}/summary.md", MarkdownAsync);
        app.MapGet("/meetings/{id:guid}/next-meeting.ics", CalendarAsync);
        return app;
    }

    private static async Task<IResult> MarkdownAsync(Guid id, SummaryService summaries, SummaryText text, DeviceClock clock, CancellationToken cancellationToken)
    {
        if (await summaries.GetAsync(new MeetingId(id), cancellationToken) is not { } summary)
        {
            return Results.NotFound();
        }

        var markdown = text.Markdown(summary, clock.Day, clock.Time);
        return Results.File(Encoding.UTF8.GetBytes(markdown), "text/markdown; charset=utf-8", $"meeting-summary-{FileDay(summary)}.md");
    }

    private static async Task<IResult> CalendarAsync(Guid id, SummaryService summaries, Words words, CancellationToken cancellationToken)
    {
        if (await summaries.GetAsync(new MeetingId(id), cancellationToken) is not { } summary || NextMeetingCalendar.Of(summary, words) is not { } ics)
        {
            return Results.NotFound();
        }

        var on = summary.Content.NextOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Results.File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"next-meeting-{on}.ics");
    }

    private static string FileDay(MeetingSummary summary) =>
        (summary.Facts.HeldAt ?? DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
