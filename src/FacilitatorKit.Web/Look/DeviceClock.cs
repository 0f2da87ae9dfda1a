using System.Globalization;

namespace FacilitatorKit.Web.Look;

/// <summary>
/// Times as this device shows them: in its own time zone (which the browser tells once the page is live) and in its
/// culture. Until the browser has said, the server's zone stands; a page re-renders when it learns the device's.
/// </summary>
public sealed class DeviceClock
{
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Local;

    /// <summary>Raised once the device's time zone is known (the views showing times render again).</summary>
    public event Action? Changed;

    /// <summary>Takes the browser's IANA time zone ("Europe/Dublin"); an unknown one leaves the zone as it was.</summary>
    public void UseTimeZone(string? ianaId)
    {
        // The same zone under another name ("UTC" and "Etc/UTC"; an IANA name and a Windows one) changes nothing: the
        // pages re-render only when the times they show would change.
        if (string.IsNullOrWhiteSpace(ianaId) || !TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out var zone) || zone.HasSameRules(Zone))
        {
            return;
        }

        Zone = zone;
        Changed?.Invoke();
    }

    /// <summary>A time of day, as this device's culture writes it ("19:30", or "7:30 PM").</summary>
    public string Time(DateTimeOffset instant) => Local(instant).ToString("t", CultureInfo.CurrentCulture);

    /// <summary>A day, as the group page and the lists of meetings show it ("12 Nov 2026").</summary>
    public string Day(DateTimeOffset instant) => Local(instant).ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>Today (on this device, as of <paramref name="now"/>) at this time of day, as an instant.</summary>
    public DateTimeOffset TodayAt(TimeOnly time, DateTimeOffset now)
    {
        var local = Local(now).Date + time.ToTimeSpan();
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    private DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);
}
