namespace FacilitatorKit.Engine.Speakers;

public enum TurnOutcome
{
    Spoke,

    /// <summary>They passed: the turn ended with no airtime.</summary>
    Passed,

    /// <summary>They passed for now and moved to the end of the go-round; not counted as a turn.</summary>
    PassedForNow,
}

/// <summary>One finished turn in the airtime ledger. Only speaking time counts as airtime.</summary>
public sealed record TurnRecord(TurnId Turn, ParticipantId Participant, AgendaItemId Item, TurnKind Kind, TurnOutcome Outcome, TimeSpan Airtime);
