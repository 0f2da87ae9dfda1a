using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Speakers;

namespace FacilitatorKit.Engine;

/// <summary>The checks many commands share, each with the sentence a facilitator will read.</summary>
internal static class Guards
{
    public static Refusal? Running(MeetingState state) => state.Phase switch
    {
        MeetingPhase.Running => null,
        MeetingPhase.Ended => Refusal.NotNow("The meeting has ended."),
        _ => Refusal.NotNow("The meeting has not started yet."),
    };

    public static Refusal? NotEnded(MeetingState state) => state.Phase switch
    {
        MeetingPhase.New => Refusal.NotNow("The meeting has not been set up yet."),
        MeetingPhase.Ended => Refusal.NotNow("The meeting has ended."),
        _ => null,
    };

    /// <summary>The running item, or a refusal when none is under way.</summary>
    public static Refusal? CurrentItem(MeetingState state, out AgendaItem item)
    {
        item = null!;
        if (Running(state) is { } refusal)
        {
            return refusal;
        }

        if (state.CurrentItem is not { } current)
        {
            return Refusal.NotNow("No agenda item is under way. Start the next item first.");
        }

        item = current;
        return null;
    }

    /// <summary>The turn the command names must be the one under way, or the command is stale.</summary>
    public static Refusal? CurrentTurn(MeetingState state, TurnId named, out Turn turn)
    {
        turn = null!;
        if (Running(state) is { } refusal)
        {
            return refusal;
        }

        if (state.CurrentTurn is not { } current || current.Id != named)
        {
            return Refusal.AlreadyChanged("Already changed: that turn has ended. The screen now shows who is speaking.");
        }

        turn = current;
        return null;
    }

    /// <summary>Speakers may pass on their own turn; anyone else needs to be running the queue.</summary>
    public static Roles.MeetingAction OwnTurnOrRunQueue(MeetingState state, TurnId turn, Roles.Actor actor) =>
        state.CurrentTurn is { } current && current.Id == turn && actor.Self == current.Participant
            ? Roles.MeetingAction.RaiseOwnHand
            : Roles.MeetingAction.RunQueue;

    public static Refusal? Present(MeetingState state, ParticipantId who)
    {
        var person = state.FindParticipant(who);
        if (person is null)
        {
            return Refusal.NotFound("That person is not in this meeting.");
        }

        return person.IsPresent ? null : Refusal.NotNow($"{person.Name} has left the meeting.");
    }

    public static Refusal? Item(MeetingState state, AgendaItemId id, out AgendaItem item)
    {
        item = state.FindItem(id)!;
        return item is null ? Refusal.NotFound("That agenda item is no longer on the agenda.") : null;
    }

    /// <summary>The named item, in a meeting that is set up and not over.</summary>
    public static Refusal? ItemInOpenMeeting(MeetingState state, AgendaItemId id, out AgendaItem item)
    {
        var refusal = Item(state, id, out item);
        return NotEnded(state) ?? refusal;
    }

    /// <summary>Items can only be placed after the last item that has started or finished. A skipped item never started, so it pins nothing.</summary>
    public static int FirstOpenSlot(MeetingState state) =>
        state.Agenda.FindLastIndex(i => i.Status is AgendaItemStatus.Running or AgendaItemStatus.Done) + 1;

    public static Refusal? ValidPlan(AgendaItemPlan plan)
    {
        if (string.IsNullOrWhiteSpace(plan.Title))
        {
            return Refusal.Invalid("An agenda item needs a title.");
        }

        if (plan.TimeBox <= TimeSpan.Zero)
        {
            return Refusal.Invalid($"\"{plan.Title}\" needs a time box of at least a minute.");
        }

        if (plan.TurnLimit is { } limit && limit <= TimeSpan.Zero)
        {
            return Refusal.Invalid($"The turn limit for \"{plan.Title}\" must be more than zero.");
        }

        if (plan.QuietReserve is { } reserve && (reserve <= TimeSpan.Zero || reserve >= plan.TimeBox))
        {
            return Refusal.Invalid($"The quiet-member reserve for \"{plan.Title}\" must be shorter than its time box.");
        }

        return null;
    }

    /// <summary>The events that start an item: its time box, and for a go-round, the round's order.</summary>
    public static IEnumerable<MeetingEvent> StartItem(MeetingState state, AgendaItem item, DateTimeOffset now)
    {
        yield return new AgendaItemStarted(item.Id, now, now + item.PlannedTime);
        if (item.TurnPolicy == TurnPolicy.GoRound)
        {
            yield return new GoRoundStarted(item.Id, GoRoundOrder(state, startWith: null));
        }
    }

    /// <summary>Present participants in seating order, starting after the chair, or at the chosen person.</summary>
    public static System.Collections.Immutable.ImmutableArray<ParticipantId> GoRoundOrder(MeetingState state, ParticipantId? startWith)
    {
        var seats = state.Participants;
        var start = 0;
        if (startWith is { } first)
        {
            start = seats.FindIndex(p => p.Id == first);
        }
        else if (state.Chair is { } chair && seats.FindIndex(p => p.Id == chair) is var chairSeat and >= 0)
        {
            start = chairSeat + 1;
        }

        var order = System.Collections.Immutable.ImmutableArray.CreateBuilder<ParticipantId>(seats.Count);
        for (var k = 0; k < seats.Count; k++)
        {
            var person = seats[(start + k) % seats.Count];
            if (person.IsPresent)
            {
                order.Add(person.Id);
            }
        }

        return order.ToImmutable();
    }

    /// <summary>The events that end the turn under way as spoken, if there is one.</summary>
    public static IEnumerable<MeetingEvent> EndCurrentTurn(MeetingState state, DateTimeOffset now)
    {
        if (state.CurrentTurn is { } turn)
        {
            yield return new TurnEnded(turn.Id, now, TurnOutcome.Spoke, turn.Airtime(now));
        }
    }
}
