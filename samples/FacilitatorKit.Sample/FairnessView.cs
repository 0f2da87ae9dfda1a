using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Fairness;

namespace FacilitatorKit.Sample;

/// <summary>
/// The fairness figures, for facilitator roles only: never on the room display, never ranked (people are listed
/// in seating order), and worded as balance, never as blame.
/// </summary>
internal sealed class FairnessView(TextWriter output)
{
    public void Summary(MeetingState state, DateTimeOffset now)
    {
        var report = Balance.ForMeeting(state, now);
        output.WriteLine("Fairness (facilitator and co-facilitator only; never on the room display)");
        output.WriteLine($"  {"seat",-5}{"name",-6}{"airtime",8}{"turns",7}{"share",7}");
        var seat = 0;
        foreach (var row in report.Participants)
        {
            output.WriteLine($"  {++seat,-5}{row.Name,-6}{Show.Duration(row.Airtime),8}{row.Turns,7}{Show.Percent(row.Share),7}");
        }

        output.WriteLine($"  Total airtime {Show.Duration(report.TotalAirtime)}; fair share {Show.Duration(report.FairShare)} each (the total over everyone who spoke or asked to speak).");
        output.WriteLine($"  Balance index {report.BalanceIndex:0.00} (0 is perfectly even).");
        output.WriteLine($"  Not spoken yet: {NotSpokenYet(state, report)}.");
        output.WriteLine(report.Nudges.Count == 0 ? "  Nudges: none at the end of the meeting." : "  Nudges:");
        foreach (var nudge in report.Nudges)
        {
            output.WriteLine($"    {Words(state, nudge)}");
        }
    }

    /// <summary>Prints any nudge the figures give right now, as the facilitator's screen would show it.</summary>
    public void Nudges(MeetingState state, DateTimeOffset now)
    {
        foreach (var nudge in Balance.ForMeeting(state, now).Nudges)
        {
            output.WriteLine($"            Nudge (facilitator only): {Words(state, nudge)}");
        }
    }

    public void NotSpokenYet(MeetingState state, DateTimeOffset now) =>
        output.WriteLine($"            Not spoken yet: {NotSpokenYet(state, Balance.ForMeeting(state, now))}.");

    // The engine gives the nudge's reason and figures; this view words it, as balance, never as blame.
    private static string Words(MeetingState state, Nudge nudge) =>
        $"{state.NameOf(nudge.Participant)} has had about {nudge.TimesFairShare:0.#} times a fair share of the time so far. " +
        "Inviting people who have not spoken yet can help balance it.";

    private static string NotSpokenYet(MeetingState state, FairnessReport report) =>
        report.NotSpokenYet.Count == 0 ? "nobody, everyone has been heard" : Show.List([.. report.NotSpokenYet.Select(state.NameOf)]);
}
