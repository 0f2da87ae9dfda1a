using FacilitatorKit.Engine;

namespace FacilitatorKit.Application.Summaries;

/// <summary>Something someone agreed to do, and who: an alias, the owner of the action.</summary>
public sealed record ActionItem(string What, string? Owner);

/// <summary>
/// What the group keeps from one agenda item: group business only (DOMAIN.md rule 9), never the content of anyone's
/// share, never airtime.
/// </summary>
public sealed record SummaryItem(
    int Item,
    string Title,
    IReadOnlyList<string> Decisions,
    IReadOnlyList<ActionItem> Actions,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> Celebrations)
{
    public bool IsEmpty => Decisions.Count == 0 && Actions.Count == 0 && Resources.Count == 0 && Celebrations.Count == 0;
}

/// <summary>The part of a summary that facilitators write and edit: per item, and the next chair and meeting.</summary>
public sealed record SummaryContent(IReadOnlyList<SummaryItem> Items, string? NextChair, DateOnly? NextOn, string? NextPlace);

/// <summary>A change of chair during the meeting, by first name or alias.</summary>
public sealed record SummaryHandover(string From, string To, DateTimeOffset At);

/// <summary>
/// What the meeting's log says and nobody edits: when, which group, who chaired (and handovers), who came. First
/// names or aliases only; no airtime, no turns, no shares of anything.
/// </summary>
public sealed record SummaryFacts(
    MeetingId Meeting,
    Guid GroupId,
    string Group,
    int Number,
    int? Of,
    DateTimeOffset? HeldAt,
    string? ChairOfTheDay,
    IReadOnlyList<SummaryHandover> Handovers,
    IReadOnlyList<string> WhoCame,
    bool HasEnded);

/// <summary>A summary as stored (<see cref="Version"/> 1 and up), or as prefilled from the meeting (version 0, never saved).</summary>
public sealed record MeetingSummary(SummaryFacts Facts, SummaryContent Content, int Version, DateTimeOffset? SavedAt)
{
    /// <summary>When a next date is planned, the group can add the next meeting to a calendar.</summary>
    public bool HasNextDate => Content.NextOn is not null;
}

/// <summary>One stored version of a summary's content.</summary>
public sealed record StoredSummary(MeetingId Meeting, int Version, SummaryContent Content, DateTimeOffset SavedAt);
