using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace FacilitatorKit.LiveLatency;

/// <summary>
/// Main-thread time of each page, from the Chrome DevTools Protocol's <c>Performance.getMetrics</c>: all tasks, and
/// of those script, style and layout. These are wall-clock durations, so on a busy machine they include time the
/// thread waited for a core. Read only before and after a stretch, never during the timed part.
/// </summary>
internal sealed class PageMetrics
{
    private readonly Dictionary<string, double> _values;

    private PageMetrics(Dictionary<string, double> values) => _values = values;

    public static async Task<ICDPSession> OpenAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Performance.enable");
        return cdp;
    }

    public static async Task<PageMetrics> ReadAsync(ICDPSession cdp)
    {
        var result = await cdp.SendAsync("Performance.getMetrics");
        var values = new Dictionary<string, double>();
        if (result is { } json)
        {
            foreach (var metric in json.GetProperty("metrics").EnumerateArray())
            {
                values[metric.GetProperty("name").GetString() ?? ""] = metric.GetProperty("value").GetDouble();
            }
        }

        return new(values);
    }

    /// <summary>Per page of each kind, over <paramref name="wall"/>: share of one core and counts per second.</summary>
    public static IEnumerable<string> Describe(IEnumerable<(string Kind, PageMetrics Before, PageMetrics After)> pages, TimeSpan wall)
    {
        foreach (var group in pages.GroupBy(p => p.Kind))
        {
            double Mean(string name) => group.Average(p => p.After._values.GetValueOrDefault(name) - p.Before._values.GetValueOrDefault(name));
            var s = wall.TotalSeconds;
            yield return string.Create(CultureInfo.InvariantCulture,
                $"  {group.Key,-16} ({group.Count(),2}): main thread in tasks {Mean("TaskDuration") / s * 100,5:0.0}% of the time each (wall clock; script {Mean("ScriptDuration") / s * 100:0.0}%, style {Mean("RecalcStyleDuration") / s * 100:0.0}%, layout {Mean("LayoutDuration") / s * 100:0.0}%); {Mean("RecalcStyleCount") / s:0.0} style and {Mean("LayoutCount") / s:0.0} layout passes a second; {StylePass():0.00} ms a style pass");
            double StylePass() => Mean("RecalcStyleCount") > 0 ? Mean("RecalcStyleDuration") / Mean("RecalcStyleCount") * 1000 : 0;
        }
    }

}
