using System.Globalization;
using FacilitatorKit.Engine.Agenda;

namespace FacilitatorKit.Sample;

/// <summary>How times and words read on the facilitator's screen.</summary>
internal static class Show
{
    /// <summary>A clock time, as on the room's wall clock.</summary>
    public static string Clock(DateTimeOffset at) => at.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string ClockWithSeconds(DateTimeOffset at) => at.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>m:ss, to the second.</summary>
    public static string Duration(TimeSpan time)
    {
        var seconds = (long)Math.Round(Math.Abs(time.TotalSeconds));
        return $"{(time < TimeSpan.Zero ? "-" : "")}{seconds / 60}:{seconds % 60:00}";
    }

    /// <summary>Overtime as the countdown shows it: +m:ss.</summary>
    public static string Overtime(TimeSpan over) => "+" + Duration(over);

    public static string Minutes(TimeSpan time) => $"{time.TotalMinutes:0.#} min";

    public static string Percent(double share) => $"{share * 100:0}%";

    public static string Policy(TurnPolicy policy) => policy switch
    {
        TurnPolicy.RaiseHand => "raise hand",
        TurnPolicy.GoRound => "go-round",
        TurnPolicy.Balanced => "balanced",
        _ => policy.ToString(),
    };

    /// <summary>"Ana, Ben and Cai".</summary>
    public static string List(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "nobody",
        1 => names[0],
        _ => $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}",
    };
}
