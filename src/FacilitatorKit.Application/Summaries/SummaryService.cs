using FacilitatorKit.Application.Groups;
using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Application.Ports;
using FacilitatorKit.Application.Validation;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Roles;
using FluentValidation;

namespace FacilitatorKit.Application.Summaries;

public enum SummarySaveStatus
{
    Saved,

    /// <summary>Another device saved a newer version first. Nothing was written; the writer's text is still theirs to keep.</summary>
    Conflict,

    /// <summary>Not saved: the writer may not, the meeting has not ended (or is gone), or the text cannot be stored as it is.</summary>
    Refused,
}

/// <param name="Current">What is stored now (the new version when saved, the other device's on a conflict); null when the meeting is gone.</param>
/// <param name="Problems">Why it was not saved, field by field (paths such as <c>Items[0].Actions[1].Owner</c>).</param>
public sealed record SummarySave(SummarySaveStatus Status, MeetingSummary? Current, IReadOnlyList<FieldError> Problems)
{
    public bool IsSaved => Status == SummarySaveStatus.Saved;
}

/// <summary>
/// The meeting summary (issue 13 §1): what the group keeps from one meeting. The facts come from the meeting's log; the
/// content is prefilled from the meeting (its notes and its closing) until a facilitator saves it, and every save
/// after the meeting ended is a new version. A save names the version it edited; a save over a newer version is a
/// conflict, never an overwrite. A save goes authorise → normalise → validate → compare-and-set, and says "saved" only
/// once it is stored. Never airtime: nothing here reads the ledger.
/// </summary>
public sealed class SummaryService(
    ISummaryRepository summaries,
    INoteRepository notes,
    IMeetingLog log,
    MeetingSessions sessions,
    GroupService groups,
    ICurrentActor acting,
    IValidator<SummaryContent> validator,
    TimeProvider clock)
{
    /// <summary>The summary as last saved, or prefilled from the meeting; null when there is no such meeting.</summary>
    public async Task<MeetingSummary?> GetAsync(MeetingId meeting, CancellationToken cancellationToken = default)
    {
        if (await FactsAsync(meeting, cancellationToken).ConfigureAwait(false) is not var (facts, state))
        {
            return null;
        }

        var stored = await summaries.LatestAsync(meeting, cancellationToken).ConfigureAwait(false);
        return stored is null
            ? new MeetingSummary(facts, await PrefillAsync(state, facts.GroupId, cancellationToken).ConfigureAwait(false), 0, null)
            : new MeetingSummary(facts, stored.Content, stored.Version, stored.SavedAt);
    }

    /// <summary>An older version as it was saved; null when there is no such version.</summary>
    public async Task<MeetingSummary?> GetVersionAsync(MeetingId meeting, int version, CancellationToken cancellationToken = default)
    {
        if (await FactsAsync(meeting, cancellationToken).ConfigureAwait(false) is not var (facts, _)
            || await summaries.VersionAsync(meeting, version, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return null;
        }

        return new MeetingSummary(facts, stored.Content, stored.Version, stored.SavedAt);
    }

    /// <summary>How many versions are stored: 0 until the first save.</summary>
    public Task<int> VersionCountAsync(MeetingId meeting, CancellationToken cancellationToken = default) =>
        summaries.CountAsync(meeting, cancellationToken);

    /// <summary>Saves <paramref name="content"/> as the next version, if the newest stored version is still <paramref name="basedOnVersion"/> (0 when none was saved).</summary>
    public async Task<SummarySave> SaveAsync(MeetingId meeting, SummaryContent content, int basedOnVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);

        // AUTHORISE: facilitator roles, as for notes.
        var actor = acting.Actor;
        if ((actor is null ? new Refusal(RefusalReason.RoleMayNot) : Permissions.Check(actor, MeetingAction.Notes)) is { } refusal)
        {
            return new(SummarySaveStatus.Refused, await GetAsync(meeting, cancellationToken).ConfigureAwait(false), [FieldError.From("Summary", refusal)]);
        }

        var current = await GetAsync(meeting, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return new(SummarySaveStatus.Refused, null, [new FieldError("Summary", InputProblem.MeetingGone)]);
        }

        if (!current.Facts.HasEnded)
        {
            return new(SummarySaveStatus.Refused, current, [new FieldError("Summary", InputProblem.MeetingNotEnded)]);
        }

        // VALIDATE what would be stored.
        var tidy = Normalize(content);
        var result = await validator.ValidateAsync(tidy, cancellationToken).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return new(SummarySaveStatus.Refused, current, [.. result.Errors.Select(FieldError.From)]);
        }

        // STORE, if nobody else saved first.
        var stored = await summaries.TryAddAsync(meeting, basedOnVersion, tidy, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var now = await GetAsync(meeting, cancellationToken).ConfigureAwait(false);
        return stored
            ? new(SummarySaveStatus.Saved, now, [])
            : new(SummarySaveStatus.Conflict, now, [new FieldError("Summary", InputProblem.SummaryChangedElsewhere)]);
    }

    /// <summary>
    /// What a facilitator expects to find before writing anything: each item that was held, in agenda order, with its
    /// notes (group business, by the notes box's own rule) one entry a line: under resources for a resources item,
    /// celebrations for a celebrations item, and decisions otherwise, to sort or move; the next chair the rota proposes;
    /// the next meeting's date and place as agreed at the closing.
    /// </summary>
    public async Task<SummaryContent> PrefillAsync(MeetingState state, Guid groupId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var written = (await notes.ForMeetingAsync(state.Id, cancellationToken).ConfigureAwait(false)).ToDictionary(n => n.Item, n => n.Text);
        var items = new List<SummaryItem>();
        foreach (var item in state.Agenda.Where(i => i.StartedAt is not null))
        {
            var lines = Lines(written.GetValueOrDefault(item.Id.Value));
            items.Add(new SummaryItem(
                item.Id.Value,
                item.Title,
                item.Kind is AgendaItemKind.Resources or AgendaItemKind.Celebrations ? [] : lines,
                [],
                item.Kind == AgendaItemKind.Resources ? lines : [],
                item.Kind == AgendaItemKind.Celebrations ? lines : []));
        }

        var next = state.Phase == MeetingPhase.Ended ? await groups.ProposeNextChairAsync(groupId, cancellationToken: cancellationToken).ConfigureAwait(false) : null;
        return new SummaryContent(items, next?.Name, state.NextMeeting?.On, state.NextMeeting?.Place);
    }

    /// <summary>Trimmed entries; blank ones (and actions with neither words nor owner) left out; a blank name or place is none.</summary>
    public static SummaryContent Normalize(SummaryContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        static List<string> Entries(IEnumerable<string>? entries) =>
            [.. (entries ?? []).Select(e => (e ?? "").Trim()).Where(e => e.Length > 0)];

        var items = (content.Items ?? []).Select(i => i with
        {
            Title = (i.Title ?? "").Trim(),
            Decisions = Entries(i.Decisions),
            Resources = Entries(i.Resources),
            Celebrations = Entries(i.Celebrations),
            Actions = [.. (i.Actions ?? [])
                .Select(a => new ActionItem((a.What ?? "").Trim(), NameRules.Normalize(a.Owner)))
                .Where(a => a.What.Length > 0 || a.Owner!.Length > 0)],
        }).ToList();
        var chair = NameRules.Normalize(content.NextChair);
        var place = NameRules.Normalize(content.NextPlace);
        return new SummaryContent(items, chair.Length == 0 ? null : chair, content.NextOn, place.Length == 0 ? null : place);
    }

    private async Task<(SummaryFacts Facts, MeetingState State)?> FactsAsync(MeetingId meeting, CancellationToken cancellationToken)
    {
        if (!await log.ExistsAsync(meeting, cancellationToken).ConfigureAwait(false)
            || await groups.GroupOfMeetingAsync(meeting, cancellationToken).ConfigureAwait(false) is not { } group)
        {
            return null;
        }

        var state = await sessions.ReadAsync(meeting, cancellationToken).ConfigureAwait(false);
        var record = (await groups.MeetingsAsync(group.Id, cancellationToken).ConfigureAwait(false)).FirstOrDefault(m => m.Id == meeting.Value);
        var chairOfTheDay = state.ChairHistory.FirstOrDefault(h => h.From is null) is { } first ? state.NameOf(first.To) : null;
        var handovers = state.ChairHistory.Where(h => h.From is not null)
            .Select(h => new SummaryHandover(state.NameOf(h.From!.Value), state.NameOf(h.To), h.At)).ToList();
        var facts = new SummaryFacts(
            meeting,
            group.Id,
            group.Name,
            record?.Number ?? 0,
            group.PlannedSessions,
            state.StartedAt ?? record?.StartedAt,
            chairOfTheDay,
            handovers,
            [.. state.Participants.Select(p => p.Name)],
            state.Phase == MeetingPhase.Ended);
        return (facts, state);
    }

    private static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n').Select(l => l.Trim().TrimStart('-', '*', '•').Trim()).Where(l => l.Length > 0)];
}
