using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Chair;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Speakers;

namespace FacilitatorKit.Sample;

/// <summary>
/// The facilitator's console, written from each event as it is applied: a log in clock order of item changes with
/// their time boxes, each turn as it ends (who, airtime, outcome, overtime), and what happens during a turn.
/// </summary>
internal sealed class MeetingView(TextWriter output)
{
    public TextWriter Output { get; } = output;

    public void Render(MeetingEvent @event, MeetingState before, MeetingState after, DateTimeOffset now)
    {
        switch (@event)
        {
            case MeetingStarted:
                Line(now, $"The meeting starts. {after.NameOf(after.Chair!.Value)} chairs.");
                break;
            case AgendaItemStarted started:
                ItemStarted(after, after.FindItem(started.Item)!, now);
                break;
            case AgendaItemEnded ended:
                ItemEnded(before.FindItem(ended.Item)!, now);
                break;
            case GoRoundStarted round:
                Note($"Go-round, starting after the chair: {Show.List([.. round.Order.Select(after.NameOf)])}.");
                break;
            case ParticipantAdded added:
                Line(now, $"{added.Participant.Name} joins as a {added.Participant.Kind.ToString().ToLowerInvariant()}, in seat {added.Seat + 1}.");
                break;
            case TurnPaused:
                Line(now, $"{Speaker(before)}'s turn is paused at {Show.Duration(after.CurrentTurn!.Airtime(now))}: airtime and the deadline stop.");
                break;
            case TurnResumed resumed:
                Line(now, $"{Speaker(before)} goes on: {Show.Duration(after.CurrentTurn!.Remaining(now)!.Value)} left, the deadline moves to {Show.ClockWithSeconds(resumed.Deadline!.Value)}.");
                break;
            case TurnExtended extended:
                Line(now, $"Add a minute: {Speaker(before)}'s limit is now {Show.Duration(after.CurrentTurn!.Limit!.Value)}, deadline {Show.ClockWithSeconds(extended.Deadline!.Value)}.");
                break;
            case TurnEnded ended:
                TurnLine(before.CurrentTurn!, ended, before);
                break;
            case HandLowered lowered:
                Line(now, $"{after.NameOf(lowered.Participant)} lowers their hand.");
                break;
            case QuietReserveReleased:
                Line(now, "The quiet-member reserve is opened to everyone.");
                break;
            case ChairHandedOver handover:
                Line(now, $"{after.NameOf(handover.From!.Value)} hands the chair to {after.NameOf(handover.To)}.");
                break;
            case MeetingEnded:
                Output.WriteLine();
                Line(now, $"The meeting ends, {Show.Duration(now - after.StartedAt!.Value)} after it started.");
                break;
        }
    }

    public void Line(DateTimeOffset at, string text) => Output.WriteLine($"  {Show.ClockWithSeconds(at)}  {text}");

    /// <summary>Something the facilitator sees without it being a turn of its own.</summary>
    public void Note(string text) => Output.WriteLine($"            {text}");

    private void ItemStarted(MeetingState state, AgendaItem item, DateTimeOffset now)
    {
        Output.WriteLine();
        Output.WriteLine($"== {Show.ClockWithSeconds(now)}  {item.Title} ({Show.Minutes(item.PlannedTime)}, {Show.Policy(item.TurnPolicy)}{TurnRules(item)}) ==");
        Note($"Time box ends {Show.ClockWithSeconds(item.EndsAt!.Value)}. The meeting is projected to end {Show.Clock(state.ProjectedEnd(now))}.");
    }

    private void ItemEnded(AgendaItem item, DateTimeOffset now)
    {
        var overrun = item.Overrun(now);
        var closing = overrun > TimeSpan.Zero
            ? $"overrun {Show.Duration(overrun)}"
            : $"{Show.Duration(item.Remaining(now))} to spare";
        Line(now, $"{item.Title} took {Show.Duration(item.Elapsed(now))} of {Show.Duration(item.PlannedTime)}: {closing}.");
    }

    private void TurnLine(Turn turn, TurnEnded ended, MeetingState state)
    {
        var outcome = ended.Outcome switch
        {
            TurnOutcome.Passed => "passed",
            TurnOutcome.PassedForNow => "passed for now (moves to the end of the round)",
            _ => turn.Kind == TurnKind.PointOfProcess ? "spoke (point of process)" : "spoke",
        };
        var overtime = turn.Limit is { } limit && ended.Airtime > limit ? $"  {Show.Overtime(ended.Airtime - limit)}" : "";
        Output.WriteLine($"  {Show.ClockWithSeconds(ended.At)}  {state.NameOf(turn.Participant),-5} {Show.Duration(ended.Airtime),5}  {outcome}{overtime}");
    }

    private static string TurnRules(AgendaItem item)
    {
        var limit = item.TurnLimit is { } l ? $", {Show.Duration(l)} per turn" : "";
        var reserve = item.QuietReserve is { } r ? $", last {Show.Minutes(r)} kept for quiet members" : "";
        return limit + reserve;
    }

    private static string Speaker(MeetingState state) => state.NameOf(state.CurrentTurn!.Participant);
}
