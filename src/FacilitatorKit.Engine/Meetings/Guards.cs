using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Speakers;

namespace FacilitatorKit.Engine;

/// <summary>The checks many commands share, each refusing with its reason.</summary>
internal static class Guards
{
    public static Refusal? Running(MeetingState state) => state.Phase switch
    {
        MeetingPhase.Running => null,
        MeetingPhase.Ended => new Refusal(RefusalReason.MeetingEnded),
        MeetingPhase.Cancelled => new Refusal(RefusalReason.MeetingCancelled),
        _ => new Refusal(RefusalReason.MeetingNotStarted),
    };

    public static Refusal? NotEnded(MeetingState state) => state.Phase switch
    {
        MeetingPhase.New => new Refusal(RefusalReason.MeetingNotSetUp),
        MeetingPhase.Ended => new Refusal(RefusalReason.MeetingEnded),
        MeetingPhase.Cancelled => new Refusal(RefusalReason.MeetingCancelled),
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
            return new Refusal(RefusalReason.NoItemUnderWay);
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
            return new Refusal(RefusalReason.TurnAlreadyEnded);
        }

        turn = current;
        return null;
    }

    /// <summary>
    /// A press that asks first does not end a turn that began less than <see cref="Limits.JustStarted"/> ago: it was
    /// most likely meant for the turn before. The same command sent again without asking ends it.
    /// </summary>
    public static Refusal? NotJustStarted(Turn? turn, bool asks, DateTimeOffset now) =>
        asks && turn is not null && now - turn.StartedAt < Limits.JustStarted
            ? new Refusal(RefusalReason.TurnJustStarted) { Person = turn.Participant }
            : null;

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
            return new Refusal(RefusalReason.PersonNotInMeeting);
        }

        return person.IsPresent ? null : new Refusal(RefusalReason.PersonHasLeft) { Person = who };
    }

    public static Refusal? Item(MeetingState state, AgendaItemId id, out AgendaItem item)
    {
        item = state.FindItem(id)!;
        return item is null ? new Refusal(RefusalReason.ItemNotOnAgenda) : null;
    }

    /// <summary>The named item, in a meeting that is set up and not over.</summary>
    public static Refusal? ItemInOpenMeeting(MeetingState state, AgendaItemId id, out AgendaItem item)
    {
        var refusal = Item(state, id, out item);
        return NotEnded(state) ?? refusal;
    }

    /// <summary>Items can only be placed after the last item that has started or finished (<see cref="MeetingState.FirstOpenSlot"/>).</summary>
    public static int FirstOpenSlot(MeetingState state) => state.FirstOpenSlot;

    public static Refusal? ValidPlan(AgendaItemPlan plan)
    {
        if (string.IsNullOrWhiteSpace(plan.Title))
        {
            return new Refusal(RefusalReason.ItemNeedsTitle);
        }

        if (plan.TimeBox < Limits.ShortestTimeBox || plan.TimeBox > Limits.LongestTimeBox)
        {
            return new Refusal(RefusalReason.TimeBoxOutOfRange) { Title = plan.Title, Duration = Limits.ShortestTimeBox, Limit = Limits.LongestTimeBox };
        }

        if (plan.TurnLimit is { } limit && (limit < Limits.ShortestTurnLimit || limit > Limits.LongestTurnLimit))
        {
            return new Refusal(RefusalReason.TurnLimitOutOfRange) { Title = plan.Title, Duration = Limits.ShortestTurnLimit, Limit = Limits.LongestTurnLimit };
        }

        if (plan.QuietReserve is { } reserve && (reserve < Limits.ShortestQuietReserve || reserve >= plan.TimeBox))
        {
            return new Refusal(RefusalReason.QuietReserveTooLong) { Title = plan.Title, Duration = Limits.ShortestQuietReserve };
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
