namespace FacilitatorKit.Engine.Tests.Meetings;

/// <summary>
/// A value-by-value picture of a meeting's state. Records compare immutable collections by reference, so two states
/// rebuilt separately are compared through this instead.
/// </summary>
internal static class StateSnapshot
{
    public static string Of(MeetingState s) => string.Join("\n",
        $"{s.Id} v{s.Version} {s.Phase} {s.FormatName} started {s.StartedAt:O} ended {s.EndedAt:O}",
        $"current {s.CurrentItemId} chair {s.Chair} items {s.LastItemNumber} turns {s.LastTurnNumber}",
        $"agenda {string.Join("; ", s.Agenda)}",
        $"people {string.Join("; ", s.Participants)}",
        $"chairs {string.Join("; ", s.ChairHistory)}",
        $"queue {string.Join("; ", s.Queue)}",
        $"turn {s.CurrentTurn}",
        $"round {s.Round?.Item} {string.Join(",", s.Round?.Order ?? [])} done {Sorted(s.Round?.Done ?? [])} later {Sorted(s.Round?.PassedForNow ?? [])}",
        $"ledger {string.Join("; ", s.Ledger)}",
        $"airtime {string.Join("; ", s.AirtimeTotals.OrderBy(kv => kv.Key.Value).Select(kv => $"{kv.Key}={kv.Value}"))}",
        $"recent {string.Join("; ", s.RecentAirtime.OrderBy(kv => kv.Key.Value).Select(kv => $"{kv.Key}={kv.Value}"))}",
        $"shared {Sorted(s.SharedInCurrentItem)} asked {Sorted(s.AskedToSpeak)} breaks {Sorted(s.BreakRequests)}",
        $"handled {string.Join(",", s.HandledCommands.Select(c => c.Value).Order())}");

    private static string Sorted(IEnumerable<ParticipantId> ids) => string.Join(",", ids.Select(p => p.Value).Order());
}
