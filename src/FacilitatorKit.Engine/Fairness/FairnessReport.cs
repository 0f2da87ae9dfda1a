namespace FacilitatorKit.Engine.Fairness;

/// <summary>The nudge threshold: a share above <see cref="ShareFactor"/> times the fair share, once someone has spoken at least <see cref="MinimumAirtime"/>.</summary>
public sealed record FairnessOptions(double ShareFactor = 2.0, TimeSpan? MinimumAirtime = null)
{
    public static FairnessOptions Default { get; } = new();
    public TimeSpan NudgeMinimum => MinimumAirtime ?? TimeSpan.FromMinutes(2);
}

/// <summary>One person's figures. <see cref="Share"/> is of the total airtime, from 0 to 1.</summary>
public sealed record ParticipantAirtime(ParticipantId Participant, string Name, TimeSpan Airtime, int Turns, double Share, bool HasSpoken);

/// <summary>Why a nudge is given. The screens word it as balance, never as blame.</summary>
public enum NudgeReason
{
    /// <summary>Someone's airtime is past the threshold: <see cref="FairnessOptions.ShareFactor"/> times the fair share, and at least the minimum.</summary>
    WellOverFairShare,
}

/// <summary>A discreet prompt for facilitator roles: who, why, and how many fair shares they have had.</summary>
public sealed record Nudge(ParticipantId Participant, NudgeReason Reason, double TimesFairShare);

/// <summary>
/// The fairness figures for facilitator roles only: never shown on the display, never ranked publicly.
/// Participants are listed in seating order, not by airtime.
/// </summary>
/// <param name="BalanceIndex">The Gini coefficient of airtime over participants: 0 is perfectly even, 1 is one voice.</param>
/// <param name="FairShare">The total airtime divided by the people who spoke or asked to speak.</param>
public sealed record FairnessReport(
    IReadOnlyList<ParticipantAirtime> Participants,
    TimeSpan TotalAirtime,
    TimeSpan FairShare,
    double BalanceIndex,
    IReadOnlyList<ParticipantId> NotSpokenYet,
    IReadOnlyList<Nudge> Nudges);
