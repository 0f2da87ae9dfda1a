using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;

namespace FacilitatorKit.Sample;

/// <summary>The agenda with its time boxes: as planned, as it runs (elapsed, remaining, overrun, projected end), and as it went.</summary>
internal sealed class AgendaView(TextWriter output)
{
    public void Plan(MeetingState state, DateTimeOffset now)
    {
        var planned = state.Agenda.Aggregate(TimeSpan.Zero, (sum, item) => sum + item.PlannedTime);
        output.WriteLine($"Agenda: {state.FormatName}, {Show.Minutes(planned)}, planned {Show.Clock(now)} to {Show.Clock(now + planned)}");
        for (var i = 0; i < state.Agenda.Count; i++)
        {
            var item = state.Agenda[i];
            output.WriteLine($"  {i + 1}. {item.Title,-48} {Show.Minutes(item.PlannedTime),7}  {Rules(item)}");
        }
    }

    /// <summary>Where the current item stands. An item in overrun is shown gently: nothing advances by itself.</summary>
    public void Clock(MeetingState state, DateTimeOffset now)
    {
        if (state.CurrentItem is not { } item)
        {
            return;
        }

        var overrun = item.IsInOverrun(now) ? $", overrun {Show.Duration(item.Overrun(now))}" : "";
        output.WriteLine($"  {Show.ClockWithSeconds(now)}  [{item.Title}: {Show.Duration(item.Elapsed(now))} elapsed, {Show.Duration(item.Remaining(now))} remaining{overrun}. Projected end {Show.Clock(state.ProjectedEnd(now))}.]");
    }

    public void AsItWent(MeetingState state, DateTimeOffset now)
    {
        output.WriteLine($"Agenda as it went ({Show.Clock(state.StartedAt!.Value)} to {Show.Clock(state.EndedAt ?? now)})");
        foreach (var item in state.Agenda)
        {
            var overrun = item.Overrun(now) > TimeSpan.Zero ? $", overrun {Show.Duration(item.Overrun(now))}" : "";
            output.WriteLine($"  {item.Title,-48} {Show.Duration(item.Elapsed(now)),6} of {Show.Minutes(item.PlannedTime),-7} {item.Status.ToString().ToLowerInvariant()}{overrun}");
        }
    }

    private static string Rules(AgendaItem item)
    {
        var rules = new List<string> { Show.Policy(item.TurnPolicy) };
        if (item.TurnLimit is { } limit)
        {
            rules.Add($"{Show.Duration(limit)} per turn");
        }

        if (item.QuietReserve is { } reserve)
        {
            rules.Add($"last {Show.Minutes(reserve)} kept for people who have not shared");
        }

        return string.Join(", ", rules);
    }
}
