using FacilitatorKit.Engine.Speakers;

namespace FacilitatorKit.Engine.Fairness;

/// <summary>Fairness figures (DOMAIN.md, rule 4): for this meeting, and across the group's recent meetings.</summary>
public static class Balance
{
    public static FairnessReport ForMeeting(MeetingState state, DateTimeOffset now, FairnessOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var ledger = MeetingLedger.Of(state, now);
        var people = state.Participants.Where(p => p.IsPresent || ledger.Turns.Any(t => t.Participant == p.Id))
            .Select(p => (p.Id, p.Name));
        return Report(people, [ledger], options ?? FairnessOptions.Default);
    }

    /// <summary>Figures over several meetings (for example the group's recent ones and this one), for the named people.</summary>
    public static FairnessReport ForGroup(IEnumerable<(ParticipantId Id, string Name)> people, IEnumerable<MeetingLedger> meetings, FairnessOptions? options = null) =>
        Report(people, meetings, options ?? FairnessOptions.Default);

    private static FairnessReport Report(IEnumerable<(ParticipantId Id, string Name)> people, IEnumerable<MeetingLedger> meetings, FairnessOptions options)
    {
        var airtime = new Dictionary<ParticipantId, TimeSpan>();
        var turns = new Dictionary<ParticipantId, int>();
        var counted = new HashSet<ParticipantId>();
        foreach (var meeting in meetings)
        {
            counted.UnionWith(meeting.AskedToSpeak);
            foreach (var turn in meeting.Turns.Where(t => t.Outcome == TurnOutcome.Spoke))
            {
                airtime[turn.Participant] = airtime.GetValueOrDefault(turn.Participant) + turn.Airtime;
                turns[turn.Participant] = turns.GetValueOrDefault(turn.Participant) + 1;
                counted.Add(turn.Participant);
            }
        }

        var list = people.ToList();
        var total = list.Aggregate(TimeSpan.Zero, (sum, p) => sum + airtime.GetValueOrDefault(p.Id));
        var askers = list.Count(p => counted.Contains(p.Id));
        var fairShare = askers == 0 ? TimeSpan.Zero : total / askers;

        var rows = list.Select(p =>
        {
            var mine = airtime.GetValueOrDefault(p.Id);
            var share = total > TimeSpan.Zero ? mine / total : 0;
            return new ParticipantAirtime(p.Id, p.Name, mine, turns.GetValueOrDefault(p.Id), share, turns.ContainsKey(p.Id));
        }).ToList();

        var nudges = rows
            .Where(r => fairShare > TimeSpan.Zero && r.Airtime >= options.NudgeMinimum && r.Airtime > fairShare * options.ShareFactor)
            .Select(r => new Nudge(r.Participant, NudgeReason.WellOverFairShare, r.Airtime / fairShare))
            .ToList();

        return new FairnessReport(
            rows,
            total,
            fairShare,
            Gini(rows.Select(r => r.Airtime.TotalSeconds).ToList()),
            rows.Where(r => !r.HasSpoken).Select(r => r.Participant).ToList(),
            nudges);
    }

    /// <summary>
    /// The Gini coefficient of non-negative values: 0 when all are equal (or all zero), approaching 1 when one holds everything.
    /// Computed from the sorted values: G = Σ (2i − n − 1)·xᵢ / (n·Σx).
    /// </summary>
    public static double Gini(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = values.Count;
        var max = n == 0 ? 0 : values.Max();
        if (n < 2 || max <= 0)
        {
            return 0;
        }

        // Scaled by the largest value first (the index does not change with scale), so huge values cannot overflow the sums.
        var sorted = values.Select(v => v / max).Order().ToArray();
        var sum = sorted.Sum();
        double weighted = 0;
        for (var i = 0; i < n; i++)
        {
            weighted += ((2 * (i + 1)) - n - 1) * sorted[i];
        }

        return Math.Clamp(weighted / (n * sum), 0, 1);
    }
}
