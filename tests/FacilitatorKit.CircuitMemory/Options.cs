using System.Globalization;

namespace FacilitatorKit.CircuitMemory;

/// <summary>The command line: <c>[--views 200] [--kind display|follow|console|empty|all] [--warmup 5] [--parallel 4] [--out FILE] [--strings DIR] [--gcdump DIR] [--same-process] [--rerenders 1] [--environment Production] [--device-zone ZONE] [--time-limit-s 1800]</c>.</summary>
internal sealed record Options
{
    public const string Usage =
        "usage: dotnet run -c Release --project tests/FacilitatorKit.CircuitMemory -- [--views 200] [--kind display|follow|console|empty|all]\n" +
        "       [--warmup 5] [--parallel 4] [--out FILE.md] [--strings DIR] [--gcdump DIR] [--same-process]\n" +
        "       [--rerenders 1] [--environment Production|Development] [--device-zone ZONE] [--time-limit-s 1800]\n" +
        "  --kind all measures display, follow and console, then 'empty' (the room display of a meeting that does not\n" +
        "  exist: the layout and the framework with no meeting) for comparison, each in a fresh process of its own unless\n" +
        "  --same-process. --gcdump DIR also takes heap snapshots with dotnet-gcdump (dotnet tool install -g dotnet-gcdump)\n" +
        "  and lists what the circuits added, by area and by type. See README.md beside the project.";

    /// <summary>Live views (circuits) opened at once, of one kind at a time.</summary>
    public int Views { get; init; } = 200;

    public IReadOnlyList<ViewKind> Kinds { get; init; } = ViewKind.All;

    /// <summary>Circuits opened and closed first, before the baseline, so one-time costs (JIT, caches, pools) are not counted per circuit.</summary>
    public int Warmup { get; init; } = 5;

    /// <summary>Circuits being opened at the same moment.</summary>
    public int Parallel { get; init; } = 4;

    /// <summary>The report as markdown, when given.</summary>
    public string? Out { get; init; }

    /// <summary>A folder for the strings the first circuit of each kind showed (to check what was rendered), when given.</summary>
    public string? Strings { get; init; }

    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(1800);

    /// <summary>Changes published while the views are open (Next speaker, and from the second on a hand raised first); the figure after the first is always reported, the one after the last too when more than one.</summary>
    public int Rerenders { get; init; } = 1;

    /// <summary>The app's environment: Production (the laptop download) or Development (as the browser tests run it).</summary>
    public string Environment { get; init; } = "Production";

    /// <summary>The time zone the client's pages name (DeviceSettings), when not the server's own; e.g. "UTC", as Chromium names Etc/UTC.</summary>
    public string? DeviceZone { get; init; }

    /// <summary>Measures every kind in this one process, one after the other, rather than each in a fresh process (quicker; the RSS figures then depend on the order).</summary>
    public bool SameProcess { get; init; }

    /// <summary>Where to write the results as JSON instead of a report (used when each kind runs in its own process).</summary>
    public string? Result { get; init; }

    /// <summary>A folder for heap snapshots (dotnet-gcdump) before, with the circuits open, and after the re-render, when given: the report then lists what grew, by type.</summary>
    public string? GcDump { get; init; }

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
                "--views" => options with { Views = Number(1, 5000) },
                "--kind" => Value() switch
                {
                    "all" => options with { Kinds = ViewKind.All },
                    var kind => options with { Kinds = [ViewKind.Named(kind) ?? throw new ArgumentException($"--kind must be display, follow, console, empty or all, not '{kind}'.")] },
                },
                "--warmup" => options with { Warmup = Number(0, 100) },
                "--parallel" => options with { Parallel = Number(1, 64) },
                "--out" => options with { Out = Value() },
                "--strings" => options with { Strings = Value() },
                "--gcdump" => options with { GcDump = Value() },
                "--same-process" => options with { SameProcess = true },
                "--rerenders" => options with { Rerenders = Number(1, 1000) },
                "--environment" => Value() switch
                {
                    var env and ("Production" or "Development") => options with { Environment = env },
                    var other => throw new ArgumentException($"--environment must be Production or Development, not '{other}'."),
                },
                "--device-zone" => options with { DeviceZone = Value() },
                "--result" => options with { Result = Value() },
                "--time-limit-s" => options with { TimeLimit = TimeSpan.FromSeconds(Number(30, 86_400)) },
                "-h" or "--help" => throw new ArgumentException("help"),
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }

        return options;
    }
}

/// <summary>A kind of live view: its address under the meeting, and whether it watches the meeting.</summary>
internal sealed record ViewKind(string Name, string Title, string Path, bool WatchesMeeting)
{
    public static readonly ViewKind Display = new("display", "room display", "/display", true);
    public static readonly ViewKind Follow = new("follow", "co-facilitator view", "/follow", true);
    public static readonly ViewKind Console = new("console", "facilitator console", "", true);

    /// <summary>For comparison: the room display's address for a meeting that does not exist ("Meeting not found").</summary>
    public static readonly ViewKind Empty = new("empty", "empty page (display of no meeting)", "/display", false);

    public static readonly IReadOnlyList<ViewKind> All = [Display, Follow, Console, Empty];

    public static ViewKind? Named(string name) => All.FirstOrDefault(k => k.Name == name);
}
