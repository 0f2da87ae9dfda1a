using System.Globalization;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Web.ViewModels;
using Microsoft.AspNetCore.Components;

namespace FacilitatorKit.Web.Components.Shared;

/// <summary>
/// A countdown, drawn in the browser from the server's deadline (wwwroot/js/countdown.js, which the meeting pages
/// start). The text is m:ss, or +m:ss in overtime; the state is also said in words beside it, so colour is never the
/// only signal. The element carries the words and thresholds the server uses, so the browser draws every state exactly
/// as the server would. The script finds countdowns by the class "countdown" and reads them by data-countdown: keep both
/// on this one element. Markup, not a component: a live view shows two, and each component is kept twice per open view.
/// </summary>
internal static class CountdownText
{
    private static readonly string WarnFloorMs = Ms(TurnClock.MinimumWarning);
    private static readonly string WarnFraction = TurnClock.WarningFraction.ToString(CultureInfo.InvariantCulture);
    private static readonly string TimesUpMs = Ms(TurnClock.TimesUpFor);

    /// <param name="isTimer">The turn's countdown is the page's timer; an item's time box is not.</param>
    public static RenderFragment Of(Countdown value, DateTimeOffset now, Words words, bool isTimer = true) => builder =>
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(words);
        var reading = CountdownReading.Of(value, now, words);
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", "countdown " + StateClass(reading.State));
        builder.AddAttribute(2, "data-countdown", true);
        builder.AddAttribute(3, "data-deadline", value.DeadlineMs);
        builder.AddAttribute(4, "data-paused-ms", value.PausedMs);
        builder.AddAttribute(5, "data-limit-ms", value.LimitMs);
        builder.AddAttribute(6, "data-warn-floor-ms", WarnFloorMs);
        builder.AddAttribute(7, "data-warn-fraction", WarnFraction);
        builder.AddAttribute(8, "data-times-up-ms", TimesUpMs);
        builder.AddAttribute(9, "data-words-warning", words["Countdown.Warning"]);
        builder.AddAttribute(10, "data-words-timesup", words["Countdown.TimesUp"]);
        builder.AddAttribute(11, "data-words-overtime", words["Countdown.Overtime"]);
        builder.AddAttribute(12, "data-words-paused", words["Countdown.Paused"]);
        builder.OpenElement(13, "span");
        builder.AddAttribute(14, "class", "countdown-time");
        builder.AddAttribute(15, "role", isTimer ? "timer" : null);
        builder.AddContent(16, reading.Text);
        builder.CloseElement();
        builder.OpenElement(17, "span");
        builder.AddAttribute(18, "class", "countdown-state");
        builder.AddAttribute(19, "data-countdown-state", true);
        builder.AddContent(20, reading.Words);
        builder.CloseElement();
        builder.CloseElement();
    };

    private static string StateClass(CountdownState state) => state switch
    {
        CountdownState.Warning => "is-warning",
        CountdownState.TimesUp => "is-timesup",
        CountdownState.Overtime => "is-overtime",
        CountdownState.Paused => "is-paused",
        _ => "",
    };

    private static string Ms(TimeSpan time) => ((long)time.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
