using System.Globalization;
using System.Text;

namespace FacilitatorKit.LiveLatency;

/// <summary>Percentiles (nearest rank) and the printed summary.</summary>
internal static class Report
{
    public const double GoalMs = 100;

    public static void Print(IReadOnlyList<Sample> samples, IReadOnlyList<RoundResult> rounds, string loadBefore, string loadAfter)
    {
        Console.WriteLine();
        Console.WriteLine("## Click on the console -> change shown on another view (ms; every observer view, every measured round)");
        Console.WriteLine(Line("all observer views", samples.Select(s => s.LatencyMs)));
        foreach (var kind in samples.Select(s => s.Kind).Distinct())
        {
            Console.WriteLine(Line($"  {kind} views", samples.Where(s => s.Kind == kind).Select(s => s.LatencyMs)));
        }

        foreach (var action in samples.Select(s => s.Action).Distinct())
        {
            Console.WriteLine(Line($"  after {action}", samples.Where(s => s.Action == action).Select(s => s.LatencyMs)));
        }

        Console.WriteLine(Line("slowest view of each round", rounds.Select(r => r.SlowestMs)));
        Console.WriteLine();
        Console.WriteLine("## Where the time goes (ms)");
        Console.WriteLine(Line("click -> published on the server", rounds.Select(r => r.PublishedMs)));
        Console.WriteLine(Line("published -> shown on an observer", samples.Select(s => s.FromPublishMs)));
        Console.WriteLine(Line("  published -> its message taken up", samples.Select(s => s.PublishToMessageMs)));
        Console.WriteLine(Line("  message taken up -> shown", samples.Select(s => s.MessageToDomMs)));
        Console.WriteLine(Line("click -> shown on the clicking console", rounds.Select(r => r.OwnMs)));
        var odd = rounds.Count(r => r.Publishes != 1);
        if (odd > 0)
        {
            Console.WriteLine($"  ({odd} round(s) did not publish exactly once)");
        }

        var p99 = Percentile(samples.Select(s => s.LatencyMs), 0.99);
        Console.WriteLine();
        Console.WriteLine($"goal: p99 under {GoalMs:0} ms from a click to the change on the other views: p99 {p99:0.0} ms, {(p99 < GoalMs ? "met" : "NOT met")}");
        Console.WriteLine($"load average before: {loadBefore}; after: {loadAfter}");
    }

    public static void WriteCsv(string path, IEnumerable<Sample> samples)
    {
        var csv = new StringBuilder("round,action,view,kind,click_to_view_ms,publish_to_view_ms,publish_to_message_ms,message_to_view_ms,click_unix_ms,published_unix_ms\n");
        foreach (var s in samples)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{s.Round},{s.Action},{s.View},{s.Kind},{s.LatencyMs:0.###},{s.FromPublishMs:0.###},{s.PublishToMessageMs:0.###},{s.MessageToDomMs:0.###},{s.ClickUnixMs:0.###},{s.PublishedUnixMs:0.###}\n");
        }

        File.WriteAllText(path, csv.ToString());
    }

    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private static string Line(string label, IEnumerable<double> values)
    {
        var all = values.Where(v => !double.IsNaN(v)).ToArray();
        return all.Length == 0
            ? $"{label,-40} no samples"
            : string.Create(CultureInfo.InvariantCulture,
                $"{label,-40} n={all.Length,-5} p50 {Percentile(all, 0.5),6:0.0}  p90 {Percentile(all, 0.9),6:0.0}  p99 {Percentile(all, 0.99),6:0.0}  max {all.Max(),6:0.0}  mean {all.Average(),6:0.0}  min {all.Min(),6:0.0}");
    }
}
