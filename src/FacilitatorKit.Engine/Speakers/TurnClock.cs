namespace FacilitatorKit.Engine.Speakers;

public enum TurnTimeState
{
    /// <summary>The turn has no limit.</summary>
    Unlimited,
    OnTime,

    /// <summary>Under 30 seconds left, or 20% of the limit, whichever is longer.</summary>
    Warning,

    /// <summary>The limit has just been reached: the first second past zero.</summary>
    TimesUp,

    /// <summary>Past the limit; shown as +m:ss. Nothing cuts the speaker off.</summary>
    Overtime,
}

/// <summary>What a countdown shows for a turn at a given instant (DOMAIN.md, rule 3).</summary>
public readonly record struct TurnClock(TurnTimeState State, TimeSpan? Remaining, bool IsPaused)
{
    /// <summary>The warning starts at this share of the limit left, or <see cref="MinimumWarning"/>, whichever is longer.</summary>
    public const double WarningFraction = 0.2;

    public static readonly TimeSpan MinimumWarning = TimeSpan.FromSeconds(30);

    /// <summary>How long "time's up" shows (as 0:00) before it is overtime.</summary>
    public static readonly TimeSpan TimesUpFor = TimeSpan.FromSeconds(1);

    public static TurnClock Of(Turn turn, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var paused = turn.Status == TurnStatus.Paused;
        if (turn.Limit is not { } limit)
        {
            return new(TurnTimeState.Unlimited, null, paused);
        }

        var remaining = limit - turn.Airtime(now);
        return new(StateFor(limit, remaining), remaining, paused);
    }

    public static TimeSpan WarningThreshold(TimeSpan limit)
    {
        var share = limit * WarningFraction;
        return share > MinimumWarning ? share : MinimumWarning;
    }

    public static TurnTimeState StateFor(TimeSpan limit, TimeSpan remaining)
    {
        if (remaining > TimeSpan.Zero)
        {
            return remaining < WarningThreshold(limit) ? TurnTimeState.Warning : TurnTimeState.OnTime;
        }

        return remaining > -TimesUpFor ? TurnTimeState.TimesUp : TurnTimeState.Overtime;
    }

    /// <summary>m:ss while time is left (rounded up, as a countdown reads), 0:00 at time's up, +m:ss in overtime.</summary>
    public string Text => Remaining switch
    {
        null => "",
        { } r when r > TimeSpan.Zero => Format(TimeSpan.FromSeconds(Math.Ceiling(r.TotalSeconds))),

        // Time's up is not overtime yet: "+0:00" would read as overtime at the very moment the limit is reached.
        _ when State == TurnTimeState.TimesUp => "0:00",
        { } r => "+" + Format(TimeSpan.FromSeconds(Math.Floor(-r.TotalSeconds))),
    };

    /// <summary>m:ss (whole seconds, cut down), the way every time on the screens reads.</summary>
    public static string Format(TimeSpan t) => $"{(int)t.TotalMinutes}:{t.Seconds:00}";
}
