using System.Globalization;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Fairness;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Web.Look;

namespace FacilitatorKit.Web.ViewModels;

/// <param name="Meta">The time box and the turn order in one text ("15 min · Go-round, 1:00 each"): one render frame, not three, per item.</param>
public sealed record AgendaRow(AgendaItemId Id, string Title, string Meta, string Status, bool IsCurrent, bool IsOver);

/// <param name="Remove">The words on the button that takes them out of the queue: a lowered hand is only one way to be in it.</param>
public sealed record QueueRow(ParticipantId Participant, string Name, string? Note, string Remove);

/// <summary>One person's hand: up while they wait to speak; not raised while they are speaking.</summary>
public sealed record HandRow(ParticipantId Id, string Name, bool IsUp, bool IsSpeaking)
{
    /// <summary>The hand's accessible name.</summary>
    public string Label { get; } = $"Raise hand for {Name}";
}

/// <param name="SteppedOut">Out of the room for a while, keeping their place: the turns go on without them.</param>
public sealed record PersonRow(ParticipantId Id, string Name, string? Note, bool SteppedOut = false);

/// <summary>What a countdown needs in the browser: the deadline on the server's clock, or the time left when paused.</summary>
public sealed record Countdown(DateTimeOffset? Deadline, TimeSpan? PausedRemaining, TimeSpan? Limit)
{
    public string DeadlineMs => Deadline?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) ?? "";
    public string PausedMs => PausedRemaining is { } r ? ((long)r.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) : "";
    public string LimitMs => Limit is { } l ? ((long)l.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) : "";
}

/// <summary>A quiet-member reserve: the last <paramref name="Length"/> of an item, from <paramref name="From"/>, kept for people who have not shared yet.</summary>
public sealed record ReserveView(AgendaItemId Item, TimeSpan Length, DateTimeOffset From, string FromTime, bool IsOn);

/// <summary>A change of speaker that can still be undone: the turn it started, until when, who speaks now, and who would speak again.</summary>
public sealed record UndoView(TurnId Started, DateTimeOffset Until, string Speaking, string? BackTo)
{
    /// <summary>What pressing Undo does, in words, beside the button.</summary>
    public string Effect => BackTo is { } back ? $"{back} speaks again; {Speaking} waits" : $"{Speaking} waits again";
}

public sealed record SpeakerView(TurnId Turn, ParticipantId Participant, string Name, bool IsPaused, bool IsPointOfProcess, bool InGoRound, Countdown Countdown);

/// <summary>
/// One meeting as a given role sees it at a given moment. Plain data, built from the engine's state; the pages only
/// bind to it. Fairness figures are filled in for facilitator roles only, never for the room display.
/// </summary>
public sealed class MeetingView
{
    private MeetingView(MeetingState state, DateTimeOffset now, DeviceClock clock)
    {
        State = state;
        Now = now;
        _clock = clock;
    }

    private readonly DeviceClock _clock;

    public MeetingState State { get; }
    public DateTimeOffset Now { get; }

    public MeetingPhase Phase => State.Phase;
    public string FormatName => State.FormatName;
    public IReadOnlyList<AgendaRow> Agenda { get; private init; } = [];
    public AgendaItem? CurrentItem => State.CurrentItem;
    public Countdown? ItemCountdown { get; private init; }
    /// <summary>When the meeting is projected to end, as this device tells the time.</summary>
    public string ProjectedEnd => _clock.Time(State.ProjectedEnd(Now));

    /// <summary>
    /// When <see cref="ProjectedEnd"/> next reads differently with time alone: while the current item is within its time
    /// box the end stands still; once it runs over, the end moves with the clock and its time of day turns each minute.
    /// </summary>
    public DateTimeOffset? ProjectedEndChangesAt
    {
        get
        {
            if (State.CurrentItem is not { Status: AgendaItemStatus.Running, EndsAt: { } itemEnd })
            {
                return null;
            }

            if (Now < itemEnd)
            {
                return itemEnd;
            }

            var intoItsMinute = TimeSpan.FromTicks(State.ProjectedEnd(Now).UtcTicks % TimeSpan.TicksPerMinute);
            return Now + (TimeSpan.FromMinutes(1) - intoItsMinute);
        }
    }
    public IReadOnlyList<PersonRow> Present { get; private init; } = [];

    /// <summary>People who came tonight and have left, in seating order: any of them can come back as themselves.</summary>
    public IReadOnlyList<PersonRow> Left { get; private init; } = [];
    /// <summary>
    /// Every present person's hand, in seating order: each keeps its place whatever happens on other devices, and is
    /// up while they wait to speak (a raised hand, or their place in the go-round).
    /// </summary>
    public IReadOnlyList<HandRow> Hands { get; private init; } = [];
    public IReadOnlyList<QueueRow> Queue { get; private init; } = [];
    public SpeakerView? Speaker { get; private init; }
    /// <summary>Who a "Next speaker" would start: while the quiet-member reserve is on, only people who have not shared yet.</summary>
    public string? NextUp { get; private init; }

    /// <summary>The current item's quiet-member reserve, while it has one that was not opened to everyone; null otherwise.</summary>
    public ReserveView? Reserve { get; private init; }
    public string? Chair => State.Chair is { } chair ? State.NameOf(chair) : null;
    /// <summary>Who asked for a break, in seating order (the same order on every device, whoever asked first).</summary>
    public IReadOnlyList<string> BreakRequests => [.. State.Participants.Where(p => State.BreakRequests.Contains(p.Id)).Select(p => p.Name)];
    public bool HasMoreItems => State.Agenda.Exists(i => i.Status == AgendaItemStatus.Pending);
    public bool CanPassForNow => Speaker is { InGoRound: true } s && State.Round?.PassedForNow.Contains(s.Participant) != true;

    /// <summary>
    /// The last change of speaker, while facilitator roles can still undo it (<see cref="Limits.UndoSpeakerChange"/>
    /// after it, and while the turn it started is under way); null otherwise.
    /// </summary>
    public UndoView? Undo { get; private init; }

    /// <summary>Null for roles that may not see the airtime figures.</summary>
    public FairnessReport? Fairness { get; private init; }

    /// <summary>True for roles that may run the agenda (facilitator and co-facilitator), before and while the meeting runs: they may edit it.</summary>
    public bool CanEditAgenda { get; private init; }

    public static MeetingView Of(MeetingState state, DateTimeOffset now, Role role, DeviceClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var order = state.SpeakerOrder(now);
        var speaking = state.CurrentTurn?.Participant;
        clock ??= new DeviceClock();
        return new MeetingView(state, now, clock)
        {
            Agenda = [.. state.Agenda.Select(i => Row(i, state.CurrentItemId, now))],
            ItemCountdown = state.CurrentItem is { EndsAt: { } end } ? new Countdown(end, null, state.CurrentItem.PlannedTime) : null,
            Present = [.. state.PresentParticipants.Select(p => new PersonRow(p.Id, p.Name, PersonNote(state, p.Id), p.IsSteppedOut))],
            Left = [.. state.Participants.Where(p => !p.IsPresent).Select(p => new PersonRow(p.Id, p.Name, null))],
            Hands = [.. state.PresentParticipants.Select(p => new HandRow(p.Id, p.Name, order.Any(e => e.Participant == p.Id), p.Id == speaking))],
            Queue = [.. order.Select((e, i) => QueueRowOf(state, e, Reason(state, order, i, now)))],
            Speaker = state.CurrentTurn is { } turn ? Speaking(state, turn, now) : null,
            Fairness = Permissions.Allows(role, MeetingAction.SeeFairness) ? Balance.ForMeeting(state, now) : null,
            Undo = Permissions.Allows(role, MeetingAction.RunQueue) ? UndoOf(state, now) : null,
            CanEditAgenda = Permissions.Allows(role, MeetingAction.RunAgenda) && state.Phase is MeetingPhase.Gathering or MeetingPhase.Running,
            NextUp = SpeakerOrder.NextEligible(state, now) is { } next ? state.NameOf(next.Participant) : null,
            Reserve = state.CurrentItem is { QuietReserve: { } reserve, QuietReserveReleased: false, EndsAt: { } itemEnd } item
                ? new ReserveView(item.Id, reserve, itemEnd - reserve, clock.Time(itemEnd - reserve), item.IsQuietReserveActive(now))
                : null,
        };
    }

    private static UndoView? UndoOf(MeetingState state, DateTimeOffset now) =>
        state.LastSpeakerChange is { } change && state.CurrentTurn?.Id == change.Started && now - change.At <= Limits.UndoSpeakerChange
            ? new UndoView(change.Started, change.At + Limits.UndoSpeakerChange, state.NameOf(state.CurrentTurn.Participant),
                change.Ended is { } ended ? state.NameOf(ended.Turn.Participant) : null)
            : null;

    public static string TurnOrderName(TurnPolicy policy) => policy switch
    {
        TurnPolicy.RaiseHand => "Raise hand",
        TurnPolicy.GoRound => "Go-round",
        TurnPolicy.Balanced => "Balanced",
        _ => policy.ToString(),
    };

    /// <summary>m:ss, or +m:ss past zero, as the countdowns read.</summary>
    public static string Duration(TimeSpan t) => t < TimeSpan.Zero
        ? "+" + TurnClock.Format(-t)
        : TurnClock.Format(t);

    /// <summary>The title of the agenda item with this number, or null if the agenda has no such item.</summary>
    public string? ItemTitle(int item) => State.FindItem(new AgendaItemId(item))?.Title;

    private static AgendaRow Row(AgendaItem item, AgendaItemId? current, DateTimeOffset now)
    {
        var status = item.Status switch
        {
            // Its time left (or over) is the time box's own live countdown beside this (AgendaList), not a second figure.
            AgendaItemStatus.Running => "Current item",
            AgendaItemStatus.Done => item.Overrun(now) > TimeSpan.Zero ? $"Done in {Duration(item.Elapsed(now))} ({Duration(item.Overrun(now))} over)" : $"Done in {Duration(item.Elapsed(now))}",
            AgendaItemStatus.Skipped => "Skipped",
            _ => "To come",
        };
        var policy = TurnOrderName(item.TurnPolicy) + (item.TurnLimit is { } limit ? $", {Duration(limit)} each" : "");
        return new AgendaRow(item.Id, item.Title, $"{item.PlannedTime.TotalMinutes:0.#} min · {policy}", status, item.Id == current, item.Status is AgendaItemStatus.Done or AgendaItemStatus.Skipped);
    }

    private static SpeakerView Speaking(MeetingState state, Turn turn, DateTimeOffset now)
    {
        var countdown = new Countdown(turn.Deadline, turn.Status == TurnStatus.Paused ? turn.Remaining(now) : null, turn.Limit);
        return new SpeakerView(turn.Id, turn.Participant, state.NameOf(turn.Participant), turn.Status == TurnStatus.Paused,
            turn.Kind == TurnKind.PointOfProcess, turn.Kind == TurnKind.GoRound, countdown);
    }

    private static QueueRow QueueRowOf(MeetingState state, QueueEntry entry, string? reason)
    {
        var name = state.NameOf(entry.Participant);
        var (note, remove) = entry.Kind switch
        {
            QueueEntryKind.PointOfProcess => ("point of process", $"Remove {name} from the queue"),
            QueueEntryKind.GoRound => (entry.PassedForNow ? "passed for now" : null, $"Take {name} out of this round"),
            _ => (reason, $"Lower hand for {name}"),
        };

        // Why "Next speaker" passes over them, in the place they keep.
        return new QueueRow(entry.Participant, name, state.IsSteppedOut(entry.Participant) ? "stepped out" : note, remove);
    }

    /// <summary>
    /// Why a raised hand has its place in the balanced order, beside it: "not spoken yet", or "less time so far" when
    /// it is ahead of someone who has spoken for longer. Raise hand is first come, first served, and needs no reason.
    /// </summary>
    private static string? Reason(MeetingState state, IReadOnlyList<QueueEntry> order, int index, DateTimeOffset now)
    {
        if (state.CurrentItem?.TurnPolicy != TurnPolicy.Balanced || order[index].Kind != QueueEntryKind.Hand)
        {
            return null;
        }

        var who = order[index].Participant;
        if (!state.HasSpoken(who))
        {
            return "not spoken yet";
        }

        var mine = state.AirtimeOf(who, now);
        for (var later = index + 1; later < order.Count; later++)
        {
            if (state.HasSpoken(order[later].Participant) && state.AirtimeOf(order[later].Participant, now) > mine)
            {
                return "less time so far";
            }
        }

        return null;
    }

    // One note beside a name, the most useful first: the chair, a break asked for, or who to welcome (a guest, a newcomer).
    private static string? PersonNote(MeetingState state, ParticipantId id) =>
        state.Chair == id ? "chair"
        : state.BreakRequests.Contains(id) ? "asked for a break"
        : state.FindParticipant(id)?.Kind switch
        {
            ParticipantKind.Guest => "guest",
            ParticipantKind.Newcomer => "newcomer",
            _ => null,
        };
}
