using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Speakers;

/// <summary>
/// Ends the turn under way, if any, and starts the next person's turn by the item's policy. It names the turn it
/// ends (null when nobody is speaking), so two devices pressing "Next speaker" together advance the queue once.
/// </summary>
public sealed record NextSpeaker(CommandId Id, Actor Actor, TurnId? Ending) : MeetingCommand(Id, Actor)
{
    internal override MeetingAction RequiredAction(MeetingState state) => MeetingAction.RunQueue;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.CurrentItem(state, out var item) is { } refusal)
        {
            return refusal;
        }

        if (state.CurrentTurn?.Id != Ending)
        {
            return Refusal.AlreadyChanged("Already changed: the speaker changed on another device. The screen now shows who is speaking.");
        }

        var events = new List<MeetingEvent>(Guards.EndCurrentTurn(state, now));
        var next = SpeakerOrder.NextEligible(state, now);
        if (next is null)
        {
            if (events.Count > 0)
            {
                return Decision.Accept(events);
            }

            return item.IsQuietReserveActive(now) && state.SpeakerOrder(now).Count > 0
                ? Refusal.NotNow($"The last {Minutes(item.QuietReserve!.Value)} of \"{item.Title}\" are kept for people who have not shared yet, and none of them is waiting. Invite them, or open the time to everyone.")
                : Refusal.NotNow("Nobody is waiting to speak.");
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

    private static string Minutes(TimeSpan t) => t.TotalMinutes == 1 ? "minute" : $"{t.TotalMinutes:0.#} minutes";
}
