using System.Globalization;
using System.Text;
using FacilitatorKit.Application.Validation;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Fairness;
using FacilitatorKit.Engine.Roles;
using Microsoft.Extensions.Localization;

namespace FacilitatorKit.Web;

/// <summary>
/// Puts into words what the engine and the use cases say in codes: refusals, input problems, nudges. The sentences
/// come from Resources/Words.resx (in the current UI culture); people and items are named from the meeting.
/// </summary>
public sealed class Words(IStringLocalizer<Words> text)
{
    /// <summary>The sentence behind a key, with its {Name} arguments filled in.</summary>
    public string this[string key, params (string Name, object? Value)[] args] => Fill(Template(key), args.ToDictionary(a => a.Name, a => a.Value));

    public string Of(Refusal refusal, MeetingState? meeting = null)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Reason switch
        {
            RefusalReason.RoleMayNot when refusal.Role is not { } role => this["RoleMayNot.Nobody"],
            RefusalReason.RoleMayNot when refusal.GroupAction is { } groupAction => this["RoleMayNot",
                ("Role", Capitalised(RoleName(refusal.Role.Value))),
                ("Action", this[$"GroupAction.{groupAction}"]),
                ("Allowed", Either(GroupPermissions.RolesAllowedTo(groupAction).Select(RoleName)))],
            RefusalReason.RoleMayNot => this["RoleMayNot",
                ("Role", Capitalised(RoleName(refusal.Role.Value))),
                ("Action", this[$"Action.{refusal.Action}"]),
                ("Allowed", Either(Permissions.RolesAllowedTo(refusal.Action!.Value).Select(RoleName)))],
            RefusalReason.ChairAlreadyChanged when refusal.Person is null => this["ChairAlreadyChanged.Nobody"],
            _ => Fill(Template(refusal.Reason.ToString()), new Dictionary<string, object?>
            {
                ["Person"] = refusal.Person is { } person ? NameOf(person, meeting) : null,
                ["Item"] = refusal.Item is { } item ? TitleOf(item, meeting) : refusal.Title,
                ["Duration"] = refusal.Duration,
                ["Min"] = refusal.Duration,
                ["Max"] = refusal.Limit,
            }),
        };
    }

    public string Of(FieldError problem, MeetingState? meeting = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.Refusal is { } refusal)
        {
            return Of(refusal, meeting);
        }

        var args = problem.Args.ToDictionary(a => a.Key, a => a.Value is NameOf what ? this[$"NameOf.{what}"] : a.Value);
        return Fill(Template(problem.Code), args);
    }

    public string Of(Nudge nudge, MeetingState meeting)
    {
        ArgumentNullException.ThrowIfNull(nudge);
        return this[$"Nudge.{nudge.Reason}", ("Person", NameOf(nudge.Participant, meeting)), ("Times", nudge.TimesFairShare.ToString("0.#", CultureInfo.CurrentCulture))];
    }

    /// <summary>A length of time in words: "15 seconds", "1 minute", "60 minutes", "2 hours".</summary>
    public string Duration(TimeSpan time)
    {
        string Count(double n) => n.ToString("0.#", CultureInfo.CurrentCulture);
        return time switch
        {
            { TotalSeconds: 1 } => this["Duration.Second"],
            { TotalMinutes: < 1 } => this["Duration.Seconds", ("Count", Count(time.TotalSeconds))],
            { TotalMinutes: 1 } => this["Duration.Minute"],
            { TotalMinutes: < 120 } => this["Duration.Minutes", ("Count", Count(time.TotalMinutes))],
            _ when time.TotalHours % 1 == 0 => this["Duration.Hours", ("Count", Count(time.TotalHours))],
            _ => this["Duration.Minutes", ("Count", Count(time.TotalMinutes))],
        };
    }

    public string RoleName(Role role) => this[$"Role.{role}"];

    private string NameOf(ParticipantId person, MeetingState? meeting) =>
        meeting?.FindParticipant(person)?.Name ?? this["SomeoneNotHere"];

    private string TitleOf(AgendaItemId item, MeetingState? meeting) => meeting?.FindItem(item)?.Title ?? this["TheMeeting"];

    private string Either(IEnumerable<string> names) =>
        names.Aggregate((first, second) => this["Or", ("First", first), ("Second", second)]);

    private static string Capitalised(string words) =>
        words.Length == 0 ? words : char.ToUpper(words[0], CultureInfo.CurrentCulture) + words[1..];

    private string Template(string key)
    {
        var found = text[key];
        return found.ResourceNotFound
            ? throw new KeyNotFoundException($"Resources/Words.resx has no \"{key}\".")
            : found.Value;
    }

    private string Fill(string template, Dictionary<string, object?> args)
    {
        var result = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (close < 0)
            {
                result.Append(template, i, template.Length - i);
                break;
            }

            result.Append(template, i, open - i);
            var name = template[(open + 1)..close];
            result.Append(args.TryGetValue(name, out var value) ? Show(value) : throw new FormatException($"\"{template}\" needs {name}."));
            i = close + 1;
        }

        return result.ToString();
    }

    private string Show(object? value) => value switch
    {
        TimeSpan time => Duration(time),
        IFormattable number => number.ToString(null, CultureInfo.CurrentCulture),
        _ => value?.ToString() ?? "",
    };
}
