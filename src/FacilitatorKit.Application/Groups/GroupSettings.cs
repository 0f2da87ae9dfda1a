using FacilitatorKit.Application.Validation;
using FluentValidation;

namespace FacilitatorKit.Application.Groups;

/// <summary>
/// A group's settings as the facilitator edits them: its shape, and what is read at the opening (the ground rules,
/// the confidentiality statement and the three assumptions). A script left null reads the app's default wording;
/// an empty one is not read.
/// </summary>
public sealed record GroupSettings(
    string? Name,
    GroupKind Kind,
    int? PlannedSessions,
    string? GroundRules = null,
    string? Confidentiality = null,
    string? Assumptions = null) : IGroupShape;

public sealed class GroupSettingsValidator : GroupShapeValidator<GroupSettings>
{
    /// <summary>The longest opening script: a page, read aloud in a few minutes.</summary>
    public const int MaxScriptLength = 2000;

    public GroupSettingsValidator()
    {
        RuleFor(g => g.GroundRules).MustBeAScript();
        RuleFor(g => g.Confidentiality).MustBeAScript();
        RuleFor(g => g.Assumptions).MustBeAScript();
    }
}

internal static class ScriptRules
{
    /// <summary>Lines of plain text: any length up to the limit, and no control characters but line breaks and tabs.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeAScript<T>(this IRuleBuilder<T, string?> rule) =>
        rule
            .Must(s => (s ?? "").Length <= GroupSettingsValidator.MaxScriptLength).Because(InputProblem.ScriptTooLong, ("Max", GroupSettingsValidator.MaxScriptLength))
            .Must(s => !(s ?? "").Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))).Because(InputProblem.ScriptHasInvisibleCharacters);
}
