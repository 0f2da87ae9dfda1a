using System.Globalization;
using System.Text;
using FacilitatorKit.Application.Summaries;

namespace FacilitatorKit.Web.Summaries;

/// <summary>
/// The summary in words, the same on the page, in the Markdown file and on the clipboard: date, group, chair and
/// handovers, who came, each item's group business, and the next meeting. Never airtime, turns or shares: a summary
/// has none to give. Every user-typed text is escaped, so a Markdown viewer shows it as typed and never as markup.
/// </summary>
public sealed class SummaryText(Words words)
{
    public string Title(SummaryFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Of is { } of
            ? words["Summary.Session", ("Group", facts.Group), ("Number", facts.Number), ("Of", of)]
            : words["Summary.Meeting", ("Group", facts.Group), ("Number", facts.Number)];
    }

    public string Held(SummaryFacts facts, Func<DateTimeOffset, string> day)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(day);
        return facts.HeldAt is { } at ? words["Summary.HeldOn", ("Day", day(at))] : words["Summary.NotHeld"];
    }

    public string Chair(SummaryFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.ChairOfTheDay is { } chair ? words["Summary.Chair", ("Name", chair)] : words["Summary.NoChair"];
    }

    public string Handover(SummaryHandover handover, Func<DateTimeOffset, string> time)
    {
        ArgumentNullException.ThrowIfNull(handover);
        ArgumentNullException.ThrowIfNull(time);
        return words["Summary.Handover", ("From", handover.From), ("To", handover.To), ("Time", time(handover.At))];
    }

    public string Action(ActionItem action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return words["Summary.ActionLine", ("What", action.What), ("Owner", action.Owner)];
    }

    public string NextChair(SummaryContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.NextChair is { } chair ? words["Summary.NextChair", ("Name", chair)] : words["Summary.NextChairOpen"];
    }

    public string NextOn(SummaryContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.NextOn is { } on ? words["Summary.NextOn", ("Day", Day(on))] : words["Summary.NextOnOpen"];
    }

    public string NextPlace(SummaryContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.NextPlace is { } place ? words["Summary.NextPlace", ("Place", place)] : words["Summary.NextPlaceOpen"];
    }

    /// <summary>A planned day, as the device's language writes it.</summary>
    public static string Day(DateOnly on) => on.ToString("dddd d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>The whole summary as Markdown.</summary>
    public string Markdown(MeetingSummary summary, Func<DateTimeOffset, string> day, Func<DateTimeOffset, string> time)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var (facts, content) = (summary.Facts, summary.Content);
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Escape(words["Summary.FileTitle", ("What", Title(facts))])).AppendLine();
        md.AppendLine(Escape(Held(facts, day))).AppendLine();
        md.AppendLine(Escape(Chair(facts))).AppendLine();
        foreach (var handover in facts.Handovers)
        {
            md.Append("- ").AppendLine(Escape(Handover(handover, time)));
        }

        if (facts.Handovers.Count > 0)
        {
            md.AppendLine();
        }

        md.Append("## ").AppendLine(Escape(words["Summary.WhoCame"])).AppendLine();
        md.AppendLine(facts.WhoCame.Count == 0 ? Escape(words["Summary.NobodyCame"]) : Escape(string.Join(", ", facts.WhoCame))).AppendLine();

        foreach (var item in content.Items)
        {
            md.Append("## ").AppendLine(Escape(item.Title)).AppendLine();
            if (item.IsEmpty)
            {
                md.AppendLine(Escape(words["Summary.NothingRecorded"])).AppendLine();
                continue;
            }

            List(md, words["Summary.Decisions"], item.Decisions);
            List(md, words["Summary.Actions"], [.. item.Actions.Select(Action)]);
            List(md, words["Summary.Resources"], item.Resources);
            List(md, words["Summary.Celebrations"], item.Celebrations);
        }

        md.Append("## ").AppendLine(Escape(words["Summary.Next"])).AppendLine();
        md.Append("- ").AppendLine(Escape(NextChair(content)));
        md.Append("- ").AppendLine(Escape(NextOn(content)));
        md.Append("- ").AppendLine(Escape(NextPlace(content)));
        return md.ToString();
    }

    private static void List(StringBuilder md, string heading, IReadOnlyList<string> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        md.Append("### ").AppendLine(Escape(heading)).AppendLine();
        foreach (var entry in entries)
        {
            // A line break inside an entry stays inside its list item.
            md.Append("- ").AppendLine(Escape(entry).ReplaceLineEndings(Environment.NewLine + "  "));
        }

        md.AppendLine();
    }

    /// <summary>
    /// Text as typed, for Markdown: a backslash before every character that could start markup inside a line (emphasis,
    /// links and images, HTML and entities, code, tables, strikethrough, headings), and before what would start a list,
    /// a heading underline or a break at the start of a line. Everything else stays as it reads, so a pasted copy is
    /// still pleasant as plain text.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 8);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '&' or '#' or '|' or '~'
                || (lineStart && c is '-' or '+' or '='))
            {
                escaped.Append('\\');
            }
            else if (lineStart && char.IsAsciiDigit(c))
            {
                // "1. " or "1) " at the start of a line would begin a numbered list.
                var end = i;
                while (end < text.Length && char.IsAsciiDigit(text[end]))
                {
                    end++;
                }

                escaped.Append(text, i, end - i);
                if (end < text.Length && text[end] is '.' or ')')
                {
                    escaped.Append('\\');
                }

                i = end - 1;
                lineStart = false;
                continue;
            }

            escaped.Append(c);
            lineStart = c is '\n' or '\r' || (lineStart && c is ' ' or '\t');
        }

        return escaped.ToString();
    }
}
