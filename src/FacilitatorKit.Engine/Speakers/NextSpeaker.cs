using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Speakers;

/// <summary>
/// Ends the turn under way, if any, and starts the next person's turn by the item's policy. It names the turn it
/// ends (null when nobody is speaking), so two devices pressing "Next speaker" together advance the queue once.
/// </summary>
public sealed record NextSpeaker(CommandId Id, TurnId? Ending) : MeetingCommand(Id)
{
    /// <summary>
    /// Set by a press on a screen: a turn that began less than <see cref="Limits.JustStarted"/> ago is not ended, and
    /// the device is asked (<see cref="RefusalReason.TurnJustStarted"/>). Sent again without it, the turn ends.
    /// </summary>
    public bool AsksIfJustStarted { get; init; }

    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => MeetingAction.RunQueue;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.CurrentItem(state, out var item) is { } refusal)
        {
            return refusal;
        }

        if (state.CurrentTurn?.Id != Ending)
        {
            return new Refusal(RefusalReason.SpeakerAlreadyChanged);
        }

        if (Guards.NotJustStarted(state.CurrentTurn, AsksIfJustStarted, now) is { } justStarted)
        {
            return justStarted;
        }

        var events = new List<MeetingEvent>(Guards.EndCurrentTurn(state, now));
        var next = SpeakerOrder.NextEligible(state, now);
        if (next is null)
        {
            if (events.Count > 0)
            {
                return Decision.Accept(events);
            }

            var waiting = state.SpeakerOrder(now);
            if (waiting.Count > 0 && waiting.All(e => state.IsSteppedOut(e.Participant)))
            {
                return new Refusal(RefusalReason.WaitingHaveSteppedOut) { Person = waiting[0].Participant };
            }

            return item.IsQuietReserveActive(now) && waiting.Count > 0
                ? new Refusal(RefusalReason.QuietReserveKeepsTime) { Item = item.Id, Duration = item.QuietReserve }
                : new Refusal(RefusalReason.NobodyWaiting);
        }

        var kind = next.Kind switch
        {
            QueueEntryKind.PointOfProcess => TurnKind.PointOfProcess,
            QueueEntryKind.GoRound => TurnKind.GoRound,
            _ => TurnKind.Regular,
        };
        var limit = item.TurnLimit;
        events.Add(new TurnStarted(new TurnId(state.LastTurnNumber + 1), next.Participant, item.Id, kind, now, limit, now + limit));
        return Decision.Accept(events);
    }
}
