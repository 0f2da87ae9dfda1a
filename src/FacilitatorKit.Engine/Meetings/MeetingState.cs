using System.Collections.Immutable;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Chair;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Speakers;

namespace FacilitatorKit.Engine;

/// <summary>
/// Everything the engine knows about one meeting. Immutable: every change is an event applied with <c>with</c>.
/// </summary>
public sealed record MeetingState
{
    public required MeetingId Id { get; init; }
    public MeetingPhase Phase { get; init; } = MeetingPhase.New;
    public string FormatName { get; init; } = "";

    public ImmutableList<AgendaItem> Agenda { get; init; } = [];
    public AgendaItemId? CurrentItemId { get; init; }

    /// <summary>Everyone who came, in seating order, including those who left.</summary>
    public ImmutableList<Participant> Participants { get; init; } = [];

    public ParticipantId? Chair { get; init; }
    public ImmutableList<ChairHandover> ChairHistory { get; init; } = [];

    /// <summary>Waiting to speak, in the order they joined the queue. See <see cref="SpeakerOrder"/> for who goes next.</summary>
    public ImmutableList<QueueEntry> Queue { get; init; } = [];

    public Turn? CurrentTurn { get; init; }
    public GoRound? Round { get; init; }

    /// <summary>Finished turns: the airtime ledger.</summary>
    public ImmutableList<TurnRecord> Ledger { get; init; } = [];

    /// <summary>Finished airtime per participant in this meeting, kept alongside the ledger for quick ordering.</summary>
    public ImmutableDictionary<ParticipantId, TimeSpan> AirtimeTotals { get; init; } = ImmutableDictionary<ParticipantId, TimeSpan>.Empty;

    /// <summary>Who has shared (spoken, not passed, not a point of process) during the current item: the quiet-member reserve leaves them out.</summary>
    public ImmutableHashSet<ParticipantId> SharedInCurrentItem { get; init; } = [];

    /// <summary>Who raised a hand or was put forward at some point: with the speakers, they make the fair share.</summary>
    public ImmutableHashSet<ParticipantId> AskedToSpeak { get; init; } = [];

    /// <summary>Airtime over the group's recent meetings, given at set-up; the balanced order's third key.</summary>
    public ImmutableDictionary<ParticipantId, TimeSpan> RecentAirtime { get; init; } = ImmutableDictionary<ParticipantId, TimeSpan>.Empty;

    /// <summary>People who signalled "I need a break" and have not been answered yet.</summary>
    public ImmutableHashSet<ParticipantId> BreakRequests { get; init; } = [];

    public ImmutableHashSet<CommandId> HandledCommands { get; init; } = [];

    /// <summary>The last change of speaker, while its turn is under way: what "Undo" puts back.</summary>
    public SpeakerChange? LastSpeakerChange { get; init; }

    /// <summary>The turn that ended last, as it was, until the next turn starts (at the same instant, one change).</summary>
    internal EndedTurn? JustEnded { get; init; }

    /// <summary>The next meeting's date and place, as agreed at the closing: for the meeting's summary.</summary>
    public NextMeeting? NextMeeting { get; init; }

    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }

    public int LastItemNumber { get; init; }
    public int LastTurnNumber { get; init; }

    /// <summary>How many events have been applied.</summary>
    public long Version { get; init; }

    public static MeetingState Initial(MeetingId id) => new() { Id = id };

    public AgendaItem? CurrentItem => CurrentItemId is { } id ? FindItem(id) : null;

    public IEnumerable<Participant> PresentParticipants => Participants.Where(p => p.IsPresent);

    public AgendaItem? FindItem(AgendaItemId id)
    {
        foreach (var item in Agenda)
        {
            if (item.Id == id)
            {
                return item;
            }
        }

        return null;
    }

    public int IndexOfItem(AgendaItemId id) => Agenda.FindIndex(i => i.Id == id);

    /// <summary>
    /// The first place on the agenda that items can be added at or moved to: after the last item that has started or
    /// finished. A skipped item never started, so it pins nothing.
    /// </summary>
    public int FirstOpenSlot => Agenda.FindLastIndex(i => i.Status is AgendaItemStatus.Running or AgendaItemStatus.Done) + 1;

    public Participant? FindParticipant(ParticipantId id)
    {
        foreach (var p in Participants)
        {
            if (p.Id == id)
            {
                return p;
            }
        }

        return null;
    }

    public bool IsPresent(ParticipantId id) => FindParticipant(id)?.IsPresent == true;

    /// <summary>Present, but out of the room for a while: the turns go on without them.</summary>
    public bool IsSteppedOut(ParticipantId id) => FindParticipant(id)?.IsSteppedOut == true;

    internal MeetingState WithParticipant(ParticipantId id, Func<Participant, Participant> change)
    {
        var person = FindParticipant(id)!;
        return this with { Participants = Participants.Replace(person, change(person)) };
    }

    public string NameOf(ParticipantId id) => FindParticipant(id)?.Name ?? "someone who is not here";

    public bool IsQueued(ParticipantId id) => Queue.Exists(e => e.Participant == id);

    /// <summary>Airtime in this meeting, counting the turn under way.</summary>
    public TimeSpan AirtimeOf(ParticipantId id, DateTimeOffset now)
    {
        var total = AirtimeTotals.GetValueOrDefault(id);
        return CurrentTurn is { } turn && turn.Participant == id ? total + turn.Airtime(now) : total;
    }

    /// <summary>Has spoken in this meeting: a finished turn with airtime, or the turn under way.</summary>
    public bool HasSpoken(ParticipantId id) =>
        AirtimeTotals.ContainsKey(id) || CurrentTurn?.Participant == id;

    /// <summary>When the meeting is projected to end: now + the rest of the current item + the items still to come.</summary>
    public DateTimeOffset ProjectedEnd(DateTimeOffset now)
    {
        var rest = TimeSpan.Zero;
        foreach (var item in Agenda)
        {
            rest += item.Remaining(now);
        }

        return Phase == MeetingPhase.Ended && EndedAt is { } ended ? ended : now + rest;
    }

    /// <summary>Who goes next, in order, by the current item's turn policy.</summary>
    public IReadOnlyList<QueueEntry> SpeakerOrder(DateTimeOffset now) => Speakers.SpeakerOrder.Of(this, now);
}
