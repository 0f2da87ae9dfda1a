using FacilitatorKit.Engine;

namespace FacilitatorKit.FaultRunner;

/// <summary>
/// What must survive a crash, as one line: the phase, the current item and its end, the speaker with their turn's
/// status and deadline, the queue, the go-round and the chair. Shared by the runner and FaultTests.
/// </summary>
public static class StateDigest
{
    public static string Of(MeetingState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var turn = state.CurrentTurn;
        var queue = string.Join(",", state.Queue.Select(e => $"{e.Participant}/{e.Kind}"));
        var round = state.Round is { } r ? string.Join(",", r.Order.Select(p => r.Done.Contains(p) ? $"{p}!" : p.ToString())) : "-";
        return string.Join("|",
            state.Phase,
            state.CurrentItemId?.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
            state.CurrentItem?.EndsAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "-",
            turn is null ? "-" : $"{turn.Id.Value}:{turn.Participant}:{turn.Status}:{turn.Deadline?.ToString("O", System.Globalization.CultureInfo.InvariantCulture)}",
            queue,
            round,
            state.Chair?.ToString() ?? "-");
    }
}
