using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Web.ViewModels;

namespace FacilitatorKit.Web.Components.Shared;

/// <summary>The states a countdown can be drawn in, with its words (the browser names them alike, in lower case).</summary>
public enum CountdownState
{
    None,
    Warning,
    TimesUp,
    Overtime,
    Paused,
}

/// <summary>What a countdown reads at one instant: its text (the engine's m:ss wording), its state and that state's words.</summary>
public sealed record CountdownReading(string Text, CountdownState State, string Words)
{
    public static CountdownReading Of(Countdown countdown, DateTimeOffset now, Words words)
    {
        ArgumentNullException.ThrowIfNull(countdown);
        ArgumentNullException.ThrowIfNull(words);
        var paused = countdown.PausedRemaining is not null;
        var remaining = countdown.PausedRemaining ?? (countdown.Deadline is { } deadline ? deadline - now : null);
        var clock = countdown.Limit is { } limit && remaining is { } left
            ? new TurnClock(TurnClock.StateFor(limit, left), left, paused)
            : new TurnClock(TurnTimeState.Unlimited, remaining, paused);
        var state = paused ? CountdownState.Paused : clock.State switch
        {
            TurnTimeState.Warning => CountdownState.Warning,
            TurnTimeState.TimesUp => CountdownState.TimesUp,
            TurnTimeState.Overtime => CountdownState.Overtime,
            _ => CountdownState.None,
        };
        return new(clock.Text, state, state == CountdownState.None ? "" : words[$"Countdown.{state}"]);
    }
}
