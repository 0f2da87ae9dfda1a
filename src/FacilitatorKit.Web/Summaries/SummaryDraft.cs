using System.Globalization;
using FacilitatorKit.Application.Summaries;

namespace FacilitatorKit.Web.Summaries;

/// <summary>One line of a list being edited: a class, so each field keeps its own text while rows come and go.</summary>
public sealed class DraftLine
{
    public string Text { get; set; } = "";
}

public sealed class DraftAction
{
    public string What { get; set; } = "";
    public string Owner { get; set; } = "";
}

public sealed class DraftItem
{
    public int Item { get; init; }
    public string Title { get; init; } = "";
    public List<DraftLine> Decisions { get; init; } = [];
    public List<DraftAction> Actions { get; init; } = [];
    public List<DraftLine> Resources { get; init; } = [];
    public List<DraftLine> Celebrations { get; init; } = [];
}

/// <summary>
/// A summary as it is being edited on the page. <see cref="Tidy"/> leaves out blank rows before a save, as the use case
/// does, so a problem's path (<c>Items[0].Actions[1].Owner</c>) names the very field on the screen.
/// </summary>
public sealed class SummaryDraft
{
    public List<DraftItem> Items { get; init; } = [];
    public string NextChair { get; set; } = "";

    /// <summary>As the date field gives it: yyyy-MM-dd, or empty.</summary>
    public string NextOn { get; set; } = "";

    public string NextPlace { get; set; } = "";

    public static SummaryDraft From(SummaryContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        static List<DraftLine> Lines(IEnumerable<string> entries) => [.. entries.Select(e => new DraftLine { Text = e })];
        return new SummaryDraft
        {
            Items = [.. content.Items.Select(i => new DraftItem
            {
                Item = i.Item,
                Title = i.Title,
                Decisions = Lines(i.Decisions),
                Actions = [.. i.Actions.Select(a => new DraftAction { What = a.What, Owner = a.Owner ?? "" })],
                Resources = Lines(i.Resources),
                Celebrations = Lines(i.Celebrations),
            })],
            NextChair = content.NextChair ?? "",
            NextOn = content.NextOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            NextPlace = content.NextPlace ?? "",
        };
    }

    /// <summary>Leaves out the rows with nothing in them.</summary>
    public void Tidy()
    {
        foreach (var item in Items)
        {
            item.Decisions.RemoveAll(l => string.IsNullOrWhiteSpace(l.Text));
            item.Resources.RemoveAll(l => string.IsNullOrWhiteSpace(l.Text));
            item.Celebrations.RemoveAll(l => string.IsNullOrWhiteSpace(l.Text));
            item.Actions.RemoveAll(a => string.IsNullOrWhiteSpace(a.What) && string.IsNullOrWhiteSpace(a.Owner));
        }
    }

    public SummaryContent ToContent() => new(
        [.. Items.Select(i => new SummaryItem(
            i.Item,
            i.Title,
            [.. i.Decisions.Select(l => l.Text)],
            [.. i.Actions.Select(a => new ActionItem(a.What, a.Owner))],
            [.. i.Resources.Select(l => l.Text)],
            [.. i.Celebrations.Select(l => l.Text)]))],
        NextChair,
        DateOnly.TryParseExact(NextOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on) ? on : null,
        NextPlace);
}
