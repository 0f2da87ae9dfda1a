using System.Collections.Immutable;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Chair;
using FacilitatorKit.Engine.Participants;

namespace FacilitatorKit.Engine;

/// <summary>The meeting was set up from a format, with the people who are there and the chair of the day.</summary>
public sealed record MeetingSetUp(
    MeetingId Meeting,
    DateTimeOffset At,
    string FormatName,
    ImmutableArray<AgendaItemPlan> Items,
    ImmutableArray<Participant> Participants,
    ParticipantId? Chair,
    ImmutableDictionary<ParticipantId, TimeSpan> RecentAirtime) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state)
    {
        var agenda = Items.Select((plan, i) => AgendaItem.FromPlan(new AgendaItemId(i + 1), plan)).ToImmutableList();
        return state with
        {
            Id = Meeting,
            Phase = MeetingPhase.Gathering,
            FormatName = FormatName,
            Agenda = agenda,
            LastItemNumber = agenda.Count,
            Participants = [.. Participants],
            Chair = Chair,
            ChairHistory = Chair is { } chair ? [new ChairHandover(null, chair, At)] : [],
            RecentAirtime = RecentAirtime,
        };
    }
}

/// <summary>Before the start, the facilitator chose another format: the agenda is replaced.</summary>
public sealed record FormatChanged(string FormatName, ImmutableArray<AgendaItemPlan> Items) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state)
    {
        var agenda = Items.Select((plan, i) => AgendaItem.FromPlan(new AgendaItemId(state.LastItemNumber + i + 1), plan)).ToImmutableList();
        return state with { FormatName = FormatName, Agenda = agenda, LastItemNumber = state.LastItemNumber + agenda.Count };
    }
}

public sealed record MeetingStarted(DateTimeOffset At) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state) =>
        state with { Phase = MeetingPhase.Running, StartedAt = At };
}

public sealed record MeetingEnded(DateTimeOffset At) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state) => state with
    {
        Phase = MeetingPhase.Ended,
        EndedAt = At,
        CurrentItemId = null,
        Queue = [],
        Round = null,
        BreakRequests = [],
    };
}

/// <summary>The meeting was called off before it started. Nothing about it counts: not a session, not the chair, not attendance.</summary>
public sealed record MeetingCancelled(DateTimeOffset At) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state) => state with
    {
        Phase = MeetingPhase.Cancelled,
        EndedAt = At,
        Queue = [],
        BreakRequests = [],
    };
}
