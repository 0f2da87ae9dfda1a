using Bunit;
using FacilitatorKit.Web.Components.Shared;
using FacilitatorKit.Web.Components.Tests.Support;

namespace FacilitatorKit.Web.Components.Tests.Shared;

public class AgendaListTests : ComponentTest
{
    [Fact]
    public async Task Agenda_IsTheListAgenda_OneItemPerAgendaItem_TheCurrentOneMarked()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();
        await meeting.Wait(TimeSpan.FromMinutes(2)).GoToAsync("Check-in");

        var cut = Context.Render<AgendaList>(p => p.Add(c => c.View, ViewOf(meeting)));

        var items = cut.ByRole("list", "Agenda").AllByRole("listitem");
        Assert.Equal(["Welcome", "Check-in", "Open discussion", "Closing"], items.Select(i => i.Children[0].TextContent));
        Assert.Equal([null, "step", null, null], items.Select(i => i.GetAttribute("aria-current")));
        Assert.Equal(
            ["Done in 2:00", "Current item · 20:00", "To come", "To come"],
            items.Select(i => Accessible.TextOf(i.Children[2])));

        // B11: the agenda's figure for the current item is the time box's countdown, with the same deadline: they
        // cannot disagree, and the browser keeps both live.
        var countdown = items[1].QuerySelector("[data-countdown]")!;
        Assert.Equal(ViewOf(meeting).ItemCountdown!.DeadlineMs, countdown.GetAttribute("data-deadline"));
        Assert.Null(countdown.QuerySelector("[role=timer]"));
        Assert.Equal("20 min · Go-round, 2:00 each", items[1].Children[1].TextContent);
    }

    [Fact]
    public async Task ProjectedEnd_IsWrittenInThisDevicesTimeZone()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();
        await meeting.Wait(TimeSpan.FromMinutes(2)).GoToAsync("Check-in");
        DeviceClock.UseTimeZone("Pacific/Auckland");

        var cut = Context.Render<AgendaList>(p => p.Add(c => c.View, ViewOf(meeting)));

        // Check-in starts 2 minutes in; it, Open discussion and Closing take 20 + 17 + 5 minutes more.
        var end = TimeZoneInfo.ConvertTime(Start.AddMinutes(2 + 20 + 17 + 5), TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland"));
        Assert.Equal($"Agenda Short check-in · projected end {end.ToString("t", System.Globalization.CultureInfo.CurrentCulture)}", Accessible.TextOf(cut.Find("h2")));
    }
}
