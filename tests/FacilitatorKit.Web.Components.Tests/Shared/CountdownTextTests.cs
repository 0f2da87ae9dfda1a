using System.Globalization;
using Bunit;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Web.Components.Shared;
using FacilitatorKit.Web.Components.Tests.Support;
using FacilitatorKit.Web.ViewModels;

namespace FacilitatorKit.Web.Components.Tests.Shared;

/// <summary>
/// The countdown is drawn in each browser (wwwroot/js/countdown.js) from the server's deadline, so it carries the
/// deadline, the thresholds and the words as data, exactly as the server has them; the server draws it first.
/// </summary>
public class CountdownTextTests : ComponentTest
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private static readonly DateTimeOffset Deadline = Start + Limit;

    private IRenderedComponent<Bunit.Rendering.ContainerFragment> Render(Countdown countdown, DateTimeOffset now, bool isTimer = true) =>
        Context.Render(CountdownText.Of(countdown, now, Words, isTimer));

    private static string Ms(TimeSpan time) => ((long)time.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void Countdown_CarriesItsDeadlineLimitAndThresholds_AsData()
    {
        var countdown = Render(new Countdown(Deadline, null, Limit), Start).Find("[data-countdown]");

        Assert.Contains("countdown", countdown.ClassList);
        Assert.Equal(Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), countdown.GetAttribute("data-deadline"));
        Assert.Equal("", countdown.GetAttribute("data-paused-ms"));
        Assert.Equal(Ms(Limit), countdown.GetAttribute("data-limit-ms"));
        Assert.Equal(Ms(TurnClock.MinimumWarning), countdown.GetAttribute("data-warn-floor-ms"));
        Assert.Equal(TurnClock.WarningFraction.ToString(CultureInfo.InvariantCulture), countdown.GetAttribute("data-warn-fraction"));
        Assert.Equal(Ms(TurnClock.TimesUpFor), countdown.GetAttribute("data-times-up-ms"));
    }

    [Fact]
    public void Countdown_CarriesTheWordsOfEachState()
    {
        var countdown = Render(new Countdown(Deadline, null, Limit), Start).Find("[data-countdown]");

        Assert.Equal(Words["Countdown.Warning"], countdown.GetAttribute("data-words-warning"));
        Assert.Equal(Words["Countdown.TimesUp"], countdown.GetAttribute("data-words-timesup"));
        Assert.Equal(Words["Countdown.Overtime"], countdown.GetAttribute("data-words-overtime"));
        Assert.Equal(Words["Countdown.Paused"], countdown.GetAttribute("data-words-paused"));
        Assert.Equal(["Nearly time", "Time's up", "Overtime", "Paused"], new[] { "warning", "timesup", "overtime", "paused" }.Select(s => countdown.GetAttribute($"data-words-{s}")));
    }

    [Fact]
    public void TheData_IsWrittenTheSameInEveryCulture()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var countdown = Render(new Countdown(Deadline, TimeSpan.FromSeconds(1234.5), Limit), Start).Find("[data-countdown]");

            Assert.Equal("0.2", countdown.GetAttribute("data-warn-fraction"));
            Assert.Equal("1234500", countdown.GetAttribute("data-paused-ms"));
            Assert.Equal("180000", countdown.GetAttribute("data-limit-ms"));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData(120, "2:00", "", "")]
    [InlineData(37, "0:37", "", "")]
    [InlineData(35, "0:35", "Nearly time", "is-warning")] // under 20% of 3 minutes (36 s), which is longer than 30 s
    [InlineData(0, "0:00", "Time's up", "is-timesup")]
    [InlineData(-75, "+1:15", "Overtime", "is-overtime")]
    public void TheFirstDrawing_IsTheServersReading(int secondsLeft, string text, string words, string state)
    {
        var cut = Render(new Countdown(Deadline, null, Limit), Deadline - TimeSpan.FromSeconds(secondsLeft));

        Assert.Equal(text, Accessible.TextOf(Assert.Single(cut.AllByRole("timer"))));
        Assert.Equal(words, cut.Find("[data-countdown-state]").TextContent);
        Assert.Equal(state, cut.Find("[data-countdown]").ClassList.FirstOrDefault(c => c.StartsWith("is-", StringComparison.Ordinal)) ?? "");
    }

    [Fact]
    public void APausedCountdown_CarriesWhatIsLeft_AndSaysPaused()
    {
        var cut = Render(new Countdown(null, TimeSpan.FromSeconds(95), Limit), Start);

        var countdown = cut.Find("[data-countdown]");
        Assert.Equal("95000", countdown.GetAttribute("data-paused-ms"));
        Assert.Equal("", countdown.GetAttribute("data-deadline"));
        Assert.Contains("is-paused", countdown.ClassList);
        Assert.Equal("1:35", Accessible.TextOf(cut.ByRole("timer", "")));
        Assert.Equal("Paused", cut.Find("[data-countdown-state]").TextContent);
    }

    [Fact]
    public void AsAnItemsTimeBox_ItIsNotATimer()
    {
        var cut = Render(new Countdown(Deadline, null, Limit), Start, isTimer: false);

        Assert.Empty(cut.AllByRole("timer"));
        Assert.Equal("3:00", cut.Find(".countdown-time").TextContent);
    }
}
