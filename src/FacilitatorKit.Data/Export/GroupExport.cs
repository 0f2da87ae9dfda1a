using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FacilitatorKit.Application.Groups;
using FacilitatorKit.Data.Events;
using FacilitatorKit.Engine;
using Microsoft.EntityFrameworkCore;

namespace FacilitatorKit.Data.Export;

/// <summary>
/// A group's data, for the group to take with it (issue 13 §4, DOMAIN.md rule 9). JSON is for portability and holds
/// everything the group owns: its settings, members, and every meeting with its people (id and name), attendance,
/// chair history, notes and its whole log, each event with the names of the people it introduces. Markdown is the
/// readable copy: settings, members, and per meeting the date, the chair and handovers, who came, the next meeting
/// and the notes. It never shows airtime or turns (DOMAIN.md rule 4: those figures are for facilitator roles during
/// the meeting, and a copy passed around must not rank anyone).
/// </summary>
public sealed class GroupExport(IDbContextFactory<FacilitatorKitDb> contexts, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The file name for a download: the group's name kept to letters, digits and dashes.</summary>
    public static string FileName(GroupRecord group, string extension)
    {
        ArgumentNullException.ThrowIfNull(group);
        var name = new string([.. group.Name.Normalize(NormalizationForm.FormKD).Where(c => c < 128 && char.IsLetterOrDigit(c) || c == ' ').Select(c => c == ' ' ? '-' : char.ToLowerInvariant(c))]).Trim('-');
        return $"{(name.Length == 0 ? "group" : name)}-export.{extension}";
    }

    public async Task<GroupRecord?> GroupAsync(Guid groupId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The group as JSON; null when there is no such group.</summary>
    public async Task<string?> JsonAsync(Guid groupId, CancellationToken cancellationToken = default)
    {
        var data = await ReadAsync(groupId, cancellationToken).ConfigureAwait(false);
        if (data is null)
        {
            return null;
        }

        var g = data.Group;
        var root = new JsonObject
        {
            ["export"] = "FacilitatorKit group",
            ["version"] = 1,
            ["exportedAt"] = Instant(clock.GetUtcNow()),
            ["group"] = new JsonObject
            {
                ["id"] = g.Id,
                ["name"] = g.Name,
                ["kind"] = g.Kind.ToString(),
                ["plannedSessions"] = g.PlannedSessions,
                ["softChime"] = g.SoftChime,
                ["lastFormatName"] = g.LastFormatName,
                ["createdAt"] = Instant(g.CreatedAt),
                ["groundRules"] = g.GroundRules,
                ["confidentiality"] = g.Confidentiality,
                ["assumptions"] = g.Assumptions,
                ["notesRetentionMonths"] = g.NotesRetentionMonths,
            },
            ["members"] = new JsonArray([.. data.Members.Select(m => (JsonNode)new JsonObject
            {
                ["id"] = m.Id,
                ["name"] = m.Name,
                ["volunteersForChair"] = m.VolunteersForChair,
                ["enrolled"] = m.Enrolled,
                ["hasLeft"] = m.HasLeft,
                ["joinedAt"] = Instant(m.JoinedAt),
            })]),
            ["meetings"] = new JsonArray([.. data.Meetings.Select(m => (JsonNode)new JsonObject
            {
                ["id"] = m.Row.Id,
                ["number"] = m.Row.Number,
                ["formatName"] = m.Row.FormatName,
                ["phase"] = m.Row.Phase.ToString(),
                ["createdAt"] = Instant(m.Row.CreatedAt),
                ["startedAt"] = m.Row.StartedAt is { } s ? Instant(s) : null,
                ["endedAt"] = m.Row.EndedAt is { } e ? Instant(e) : null,
                ["people"] = new JsonArray([.. m.State.Participants.Select(p => (JsonNode)new JsonObject
                {
                    ["id"] = p.Id.Value,
                    ["name"] = p.Name,
                    ["kind"] = p.Kind.ToString(),
                })]),
                ["attendance"] = new JsonArray([.. m.Attended.Select(id => (JsonNode)JsonValue.Create(id))]),
                ["chairHistory"] = new JsonArray([.. m.Chairs.Select(c => (JsonNode)new JsonObject
                {
                    ["memberId"] = c.MemberId,
                    ["name"] = data.Members.FirstOrDefault(x => x.Id == c.MemberId)?.Name,
                    ["at"] = Instant(c.At),
                    ["change"] = c.Change.ToString(),
                })]),
                ["notes"] = new JsonArray([.. m.Notes.Select(n => (JsonNode)new JsonObject
                {
                    ["item"] = n.ItemNumber,
                    ["title"] = TitleOf(m.State, n.ItemNumber),
                    ["text"] = n.Text,
                    ["version"] = n.Version,
                    ["updatedAt"] = Instant(n.UpdatedAt),
                })]),
                ["events"] = new JsonArray([.. m.Events.Select(e => (JsonNode)new JsonObject
                {
                    ["sequence"] = e.Sequence,
                    ["type"] = EventJson.TypeName(e.Event),
                    ["recordedAt"] = Instant(e.RecordedAt),
                    ["data"] = JsonNode.Parse(JsonSerializer.Serialize(e.Event, e.Event.GetType(), EventJson.ExportOptions)),
                })]),
            })]),
        };
        return root.ToJsonString(Indented);
    }

    /// <summary>The group as readable Markdown, without airtime; null when there is no such group.</summary>
    public async Task<string?> MarkdownAsync(Guid groupId, CancellationToken cancellationToken = default)
    {
        var data = await ReadAsync(groupId, cancellationToken).ConfigureAwait(false);
        if (data is null)
        {
            return null;
        }

        var g = data.Group;
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Text(g.Name)).AppendLine();
        md.Append("Exported ").Append(Day(clock.GetUtcNow())).Append(". ")
            .AppendLine(g.Kind == GroupKind.Closed ? $"Closed group, {g.PlannedSessions} sessions planned." : "Open group.").AppendLine();
        md.AppendLine("## Settings").AppendLine();
        md.Append("- Ground rules: ").AppendLine(Script(g.GroundRules));
        md.Append("- Confidentiality statement: ").AppendLine(Script(g.Confidentiality));
        md.Append("- The three assumptions: ").AppendLine(Script(g.Assumptions));
        md.Append("- Soft chime at time's up: ").AppendLine(g.SoftChime ? "on" : "off");
        md.Append("- Notes kept: ").AppendLine(g.NotesRetentionMonths is { } months ? $"{months} months after the meeting" : "until deleted");
        md.AppendLine();
        md.AppendLine("## Members").AppendLine();
        foreach (var m in data.Members)
        {
            md.Append("- ").Append(Text(m.Name)).Append(m.VolunteersForChair ? " (chair rota volunteer)" : "").AppendLine(m.HasLeft ? " (left the group)" : "");
        }

        md.AppendLine();
        md.AppendLine("## Meetings").AppendLine();
        foreach (var m in data.Meetings)
        {
            var s = m.State;
            md.Append("### Meeting ").Append(m.Row.Number).Append(g.PlannedSessions is { } of ? $" of {of}" : "").Append(", ").Append(Day(m.Row.StartedAt ?? m.Row.CreatedAt))
                .Append(" (").Append(Text(m.Row.FormatName)).Append(')').AppendLine(m.Row.Phase switch
                {
                    MeetingPhase.Cancelled => ", cancelled",
                    MeetingPhase.Gathering or MeetingPhase.New => ", not started",
                    MeetingPhase.Running => ", in progress",
                    _ => "",
                }).AppendLine();
            foreach (var h in s.ChairHistory)
            {
                md.Append("- ").AppendLine(h.From is null ? $"Chair: {Text(s.NameOf(h.To))}" : $"Handed over to {Text(s.NameOf(h.To))} at {h.At.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC");
            }

            if (s.Participants.Count > 0)
            {
                md.Append("- Who came: ").AppendLine(string.Join(", ", s.Participants.Select(p => Text(p.Name) + (p.Kind == Engine.Participants.ParticipantKind.Member ? "" : $" ({p.Kind.ToString().ToLowerInvariant()})"))));
            }

            if (s.NextMeeting is { } next)
            {
                md.Append("- Next meeting: ").AppendLine(string.Join(", ", new[] { next.On?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), next.Place is null ? null : Text(next.Place) }.Where(x => x is not null)));
            }

            md.AppendLine();
            foreach (var note in m.Notes)
            {
                md.Append("#### ").AppendLine(Text(TitleOf(s, note.ItemNumber))).AppendLine();
                md.AppendLine(note.Text.ReplaceLineEndings("\n")).AppendLine();
            }
        }

        return md.ToString();
    }

    private async Task<Data?> ReadAsync(Guid groupId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken).ConfigureAwait(false);
        if (group is null)
        {
            return null;
        }

        var members = await db.Members.AsNoTracking().Where(m => m.GroupId == groupId).OrderBy(m => m.JoinedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Meetings.AsNoTracking().Where(m => m.GroupId == groupId && m.LastSequence > 0).OrderBy(m => m.Number).ThenBy(m => m.CreatedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        var meetings = new List<Meeting>(rows.Count);
        foreach (var row in rows)
        {
            var names = await db.ParticipantNames.AsNoTracking().Where(n => n.MeetingId == row.Id)
                .ToDictionaryAsync(n => new ParticipantId(n.ParticipantId), n => n.Name, cancellationToken).ConfigureAwait(false);
            var events = (await db.MeetingEvents.AsNoTracking().Where(e => e.MeetingId == row.Id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken).ConfigureAwait(false))
                .Select(e => (e.Sequence, e.RecordedAt, Event: EventJson.WithNames(EventJson.Deserialize(e.Type, e.Data), id => names.GetValueOrDefault(id)))).ToList();
            var state = Engine.Meeting.Replay(new MeetingId(row.Id), events.Select(e => e.Event));
            var notes = await db.Notes.AsNoTracking().Where(n => n.MeetingId == row.Id && n.Text != "").OrderBy(n => n.ItemNumber).ToListAsync(cancellationToken).ConfigureAwait(false);
            var attended = await db.Attendance.AsNoTracking().Where(a => a.MeetingId == row.Id).Select(a => a.MemberId).ToListAsync(cancellationToken).ConfigureAwait(false);
            var chairs = (await db.ChairHistory.AsNoTracking().Where(c => c.MeetingId == row.Id).ToListAsync(cancellationToken).ConfigureAwait(false)).OrderBy(c => c.At).ToList();
            meetings.Add(new Meeting(row, state, events, notes, attended, chairs));
        }

        return new Data(group, members, meetings);
    }

    private static string TitleOf(MeetingState state, int item) =>
        item == 0 ? "The meeting as a whole" : state.FindItem(new AgendaItemId(item))?.Title ?? $"Item {item}";

    private static string Script(string? text) => text switch
    {
        null => "the app's default wording",
        "" => "not read",
        _ => Text(text.ReplaceLineEndings(" / ")),
    };

    // Names and titles are the group's words, not Markdown: the characters that would change the page (emphasis, links,
    // HTML, headings, tables) are escaped; hyphens and brackets inside a name are left as typed, to stay readable.
    private static string Text(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if ("\\`*_[]<>#|".Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private sealed record Data(GroupRecord Group, List<MemberRecord> Members, List<Meeting> Meetings);

    private sealed record Meeting(MeetingRecord Row, MeetingState State, List<(long Sequence, DateTimeOffset RecordedAt, MeetingEvent Event)> Events,
        List<Model.NoteRecord> Notes, List<Guid> Attended, List<Model.ChairHistoryRecord> Chairs);
}
