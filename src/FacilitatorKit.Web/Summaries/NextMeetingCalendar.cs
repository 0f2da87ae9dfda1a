using FacilitatorKit.Application.Summaries;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace FacilitatorKit.Web.Summaries;

/// <summary>
/// The next meeting as a calendar file (iCalendar, RFC 5545): an all-day event on the planned date (the closing agrees
/// a day, not a time), at the planned place. No names of people: a calendar may be synced far beyond the group.
/// </summary>
public static class NextMeetingCalendar
{
    /// <summary>The .ics text; null when no date is planned.</summary>
    public static string? Of(MeetingSummary summary, Words words)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(words);
        if (summary.Content.NextOn is not { } on)
        {
            return null;
        }

        var start = new CalDateTime(on.Year, on.Month, on.Day);
        var next = new CalendarEvent
        {
            // The same meeting's next meeting keeps one id, so adding it again updates the entry rather than doubling it.
            Uid = $"{summary.Facts.Meeting.Value:N}-next@facilitatorkit",
            Summary = words["Summary.CalendarTitle", ("Group", summary.Facts.Group)],
            Start = start,
            End = start.AddDays(1),
            Location = summary.Content.NextPlace,
        };
        var calendar = new Calendar();
        calendar.Events.Add(next);
        return new CalendarSerializer().SerializeToString(calendar);
    }
}
