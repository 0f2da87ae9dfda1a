using System.Globalization;
using System.Text;
using FacilitatorKit.Application.Summaries;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Web.Access;
using FacilitatorKit.Web.Acting;
using FacilitatorKit.Web.Look;

namespace FacilitatorKit.Web.Summaries;

/// <summary>
/// The summary's downloads: <c>GET /meetings/{id}/summary.md</c> (the newest version as Markdown) and
/// <c>GET /meetings/{id}/next-meeting.ics</c> (only when a next date is planned). File names carry the date, never a
/// name. Open to those the summary page is open to (a facilitator, or a co-facilitator's invite of the meeting).
/// </summary>
public static class SummaryFiles
{
    public static IEndpointRouteBuilder MapSummaryFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/meetings/{id:guid}/summary.md", MarkdownAsync).RequireAuthorization(AccessPolicies.CoFacilitator);
        app.MapGet("/meetings/{id:guid}/next-meeting.ics", CalendarAsync).RequireAuthorization(AccessPolicies.CoFacilitator);
        return app;
    }

    private static async Task<IResult> MarkdownAsync(Guid id, HttpContext http, DeviceActor device, SummaryService summaries, SummaryText text, DeviceClock clock, CancellationToken cancellationToken)
    {
        await ActAsync(http, device, id);
        if (await summaries.GetAsync(new MeetingId(id), cancellationToken) is not { } summary)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "no-store"; // names and notes: kept out of every cache on the way
        var markdown = text.Markdown(summary, clock.Day, clock.Time);
        return Results.File(Encoding.UTF8.GetBytes(markdown), "text/markdown; charset=utf-8", $"meeting-summary-{FileDay(summary)}.md");
    }

    private static async Task<IResult> CalendarAsync(Guid id, HttpContext http, DeviceActor device, SummaryService summaries, Words words, CancellationToken cancellationToken)
    {
        await ActAsync(http, device, id);
        if (await summaries.GetAsync(new MeetingId(id), cancellationToken) is not { } summary || NextMeetingCalendar.Of(summary, words) is not { } ics)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "no-store";
        var on = summary.Content.NextOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Results.File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"next-meeting-{on}.ics");
    }

    /// <summary>The request acts as its sign-in allows, as the summary page does.</summary>
    private static async Task ActAsync(HttpContext http, DeviceActor device, Guid meeting)
    {
        if (!await device.ActForAsync(http.User, Actor.Facilitator, new MeetingId(meeting)))
        {
            await device.ActForAsync(http.User, Actor.CoFacilitator, new MeetingId(meeting));
        }
    }

    private static string FileDay(MeetingSummary summary) =>
        (summary.Facts.HeldAt ?? DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
