using FacilitatorKit.Application.Groups;

namespace FacilitatorKit.Web.ViewModels;

/// <summary>
/// What a group reads at the opening, as lines of plain text: its own wording, or the default wording (Words.resx)
/// where it has none of its own. An emptied script is not read. Always shown as text, never as markup.
/// </summary>
public sealed record OpeningScripts(string GroundRules, string Confidentiality, string Assumptions)
{
    public static OpeningScripts Of(GroupRecord? group, Words words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return new(
            group?.GroundRules ?? words["Scripts.DefaultGroundRules"],
            group?.Confidentiality ?? words["Scripts.DefaultConfidentiality"],
            group?.Assumptions ?? words["Scripts.DefaultAssumptions"]);
    }

    /// <summary>The non-blank lines of a script, trimmed.</summary>
    public static IReadOnlyList<string> Lines(string script) =>
        [.. (script ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
}
