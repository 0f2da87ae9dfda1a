using System.Globalization;

namespace FacilitatorKit.LiveLatency;

/// <summary>The command line: <c>[--rounds 100] [--views 20] [--warmup 5] [--pause-ms 150] [--change-timeout-s 5] [--time-limit-s 900] [--idle-s 5] [--csv FILE] [--trace FILE] [--browser-nice 10] [--views-on this-machine|own-devices]</c>.</summary>
internal sealed record Options
{
    public const string Usage =
        "usage: dotnet run -c Release --project tests/FacilitatorKit.LiveLatency -- [--rounds 100] [--views 20] [--warmup 5]\n" +
        "       [--pause-ms 150] [--change-timeout-s 5] [--time-limit-s 900] [--idle-s 5] [--csv FILE] [--trace FILE] [--browser-nice 10]\n" +
        "       [--views-on this-machine|own-devices] [--without-mudblazor-css]";

    /// <summary>Measured rounds (clicks), after the warm-up.</summary>
    public int Rounds { get; init; } = 100;

    /// <summary>Observer views besides the clicking console: about half co-facilitator, one more console, the rest room displays.</summary>
    public int Views { get; init; } = 20;

    /// <summary>Rounds clicked first and not counted (JIT, first renders, connection warm-up).</summary>
    public int Warmup { get; init; } = 5;

    /// <summary>Quiet time after every view has seen a change, before the next click (plus up to the same again at random).</summary>
    public TimeSpan Pause { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>A view that has not shown the change by then fails the run.</summary>
    public TimeSpan ChangeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The whole run, start-up included, stops after this.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(900);

    /// <summary>A quiet spell with every view open and nobody clicking, before the rounds, to see what the views cost at rest.</summary>
    public TimeSpan Idle { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A Chrome trace of the browser over the measured rounds (for finding where time goes; it slows the run).</summary>
    public string? Trace { get; init; }

    /// <summary>An experiment: the browser (and the Playwright driver) at this nice value, the server at 0.</summary>
    public int BrowserNice { get; init; }

    /// <summary>An experiment: every page without MudBlazor's stylesheet, to see what it costs per style recalculation.</summary>
    public bool WithoutMudBlazorCss { get; init; }

    /// <summary>
    /// Where the observer views draw. <c>this-machine</c> (the default): all 21 pages draw here, on the server's two
    /// cores. <c>own-devices</c>: as in a meeting, the co-facilitators' tablets and the other laptop draw on their own
    /// hardware. Their pages still run here (each receives its messages and Blazor patches its DOM, which is what is
    /// timed), but draw nothing here; the clicking console and one room display (the projector, often driven by the
    /// facilitator's laptop) still draw here.
    /// </summary>
    public bool OwnDevices { get; init; }

    /// <summary>Every sample as CSV, when given.</summary>
    public string? Csv { get; init; }

    public int FollowViews => Views / 2;

    public int ExtraConsoles => Views >= 2 ? 1 : 0;

    public int DisplayViews => Views - FollowViews - ExtraConsoles;

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            int Number(int min, int max)
            {
                var text = Value();
                return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                    ? n
                    : throw new ArgumentException($"{name} must be a whole number from {min} to {max}, not '{text}'.");
            }

            options = name switch
            {
                "--rounds" => options with { Rounds = Number(1, 100_000) },
                "--views" => options with { Views = Number(1, 200) },
                "--warmup" => options with { Warmup = Number(0, 10_000) },
                "--pause-ms" => options with { Pause = TimeSpan.FromMilliseconds(Number(0, 60_000)) },
                "--change-timeout-s" => options with { ChangeTimeout = TimeSpan.FromSeconds(Number(1, 600)) },
                "--time-limit-s" => options with { TimeLimit = TimeSpan.FromSeconds(Number(10, 86_400)) },
                "--idle-s" => options with { Idle = TimeSpan.FromSeconds(Number(0, 600)) },
                "--trace" => options with { Trace = Value() },
                "--browser-nice" => options with { BrowserNice = Number(0, 19) },
                "--without-mudblazor-css" => options with { WithoutMudBlazorCss = true },
                "--csv" => options with { Csv = Value() },
                "--views-on" => Value() switch
                {
                    "this-machine" => options with { OwnDevices = false },
                    "own-devices" => options with { OwnDevices = true },
                    var other => throw new ArgumentException($"--views-on must be this-machine or own-devices, not '{other}'."),
                },
                "-h" or "--help" => throw new ArgumentException("help"),
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }

        return options;
    }
}
