using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Chair;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Speakers;
using FluentValidation;
using FluentValidation.Results;

namespace FacilitatorKit.Application.Validation;

/// <summary>
/// The boundary check every command passes before the engine decides it: names, sane durations and limits,
/// and people or items the meeting actually has. The engine's rules (who may, what state) come after.
/// </summary>
public sealed class MeetingCommandValidator
{
    public const double MaxItemExtensionMinutes = 120;
    public const double MaxTurnExtensionMinutes = 15;

    private readonly MeetingState _state;

    public MeetingCommandValidator(MeetingState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _state = state;
    }

    public ValidationResult Validate(MeetingCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command switch
        {
            SetUpMeeting c => new SetUpMeetingValidator().Validate(c),
            ChangeFormat c => Field("Format", new FormatValidator().Validate(c.Format)),
            AddParticipant c => new AddParticipantValidator(_state).Validate(c),
            AddAgendaItem c => Field("Item", new FormatValidator().Validate(new MeetingFormat("Agenda", [c.Plan]))),
            ExtendAgendaItem c => Check(Known(c.Item), Minutes(c.By, MaxItemExtensionMinutes, "An item")),
            ExtendTurn c => Check(Minutes(c.By, MaxTurnExtensionMinutes, "A turn")),
            ChangeTurnLimit c => Check(Known(c.Item), c.Limit is { } limit && (limit < ChangeTurnLimit.Shortest || limit > ChangeTurnLimit.Longest)
                ? new ValidationFailure("Limit", "A turn limit is between a quarter of a minute and 60 minutes, or none.")
                : null),
            RemoveAgendaItem c => Check(Known(c.Item)),
            MoveAgendaItem c => Check(Known(c.Item)),
            SkipAgendaItem c => Check(Known(c.Item)),
            ChangeTurnPolicy c => Check(Known(c.Item), Enum.IsDefined(c.Policy) ? null : new ValidationFailure("Policy", "Please choose a turn order: Raise hand, Go-round or Balanced.")),
            ReleaseQuietReserve c => Check(Known(c.Item)),
            RaiseHand c => Check(Known(c.Participant)),
            LowerHand c => Check(Known(c.Participant)),
            RaisePointOfProcess c => Check(Known(c.Participant)),
            MarkParticipantLeft c => Check(Known(c.Participant)),
            SignalBreak c => Check(Known(c.Participant)),
            AnswerBreakRequest c => Check(Known(c.Participant)),
            HandOverChair c => Check(Known(c.To, "To")),
            StartGoRound { StartWith: { } first } => Check(Known(first, "StartWith")),
            _ => new ValidationResult(),
        };
    }

    private ValidationFailure? Known(ParticipantId id, string field = "Participant") =>
        _state.FindParticipant(id) is null ? new ValidationFailure(field, "That person is not in this meeting.") : null;

    private ValidationFailure? Known(AgendaItemId id) =>
        _state.FindItem(id) is null ? new ValidationFailure("Item", "That agenda item is no longer on the agenda.") : null;

    private static ValidationFailure? Minutes(TimeSpan by, double max, string what) =>
        by < TimeSpan.FromMinutes(1) || by > TimeSpan.FromMinutes(max)
            ? new ValidationFailure("By", $"{what} can be extended by 1 to {max:0} minutes at a time.")
            : null;

    private static ValidationResult Check(params ValidationFailure?[] failures) => new(failures.OfType<ValidationFailure>());

    private static ValidationResult Field(string prefix, ValidationResult inner) =>
        new(inner.Errors.Select(e => new ValidationFailure($"{prefix}.{e.PropertyName}", e.ErrorMessage)));

    /// <summary>A newcomer's name follows the name rules and must tell them apart from the people present.</summary>
    private sealed class AddParticipantValidator : AbstractValidator<AddParticipant>
    {
        public AddParticipantValidator(MeetingState state)
        {
            RuleFor(c => c.Participant.Name).MustBeAName("name").OverridePropertyName("Name");
            RuleFor(c => c.Participant)
                .Must(p => !state.PresentParticipants.Any(o => o.Id != p.Id && SameName(o.Name, p.Name)))
                .WithMessage(c => $"Someone called {state.PresentParticipants.First(o => SameName(o.Name, c.Participant.Name)).Name} is already here. Add an initial or use an alias, so people can tell you apart.")
                .OverridePropertyName("Name");
            RuleFor(c => c.Participant.Kind).IsInEnum().OverridePropertyName("Kind");
        }
    }

    private sealed class SetUpMeetingValidator : AbstractValidator<SetUpMeeting>
    {
        public SetUpMeetingValidator()
        {
            RuleFor(c => c.Format).SetValidator(new FormatValidator());
            RuleForEach(c => c.Participants).ChildRules(p => p.RuleFor(x => x.Name).MustBeAName("name"))
                .When(c => !c.Participants.IsDefault).OverridePropertyName("Participants");
            RuleFor(c => c.Participants)
                .Must(ps => ps.IsDefault || ps.GroupBy(p => NameRules.Normalize(p.Name), StringComparer.OrdinalIgnoreCase).All(g => g.Count() == 1))
                .WithMessage("Two people have the same name. Add an initial or use an alias, so people can tell them apart.");
            RuleFor(c => c.Chair)
                .Must((c, chair) => chair is null || (!c.Participants.IsDefault && c.Participants.Any(p => p.Id == chair)))
                .WithMessage("The chair must be one of the people at the meeting.");
        }
    }

    public static bool SameName(string a, string b) =>
        string.Equals(NameRules.Normalize(a), NameRules.Normalize(b), StringComparison.OrdinalIgnoreCase);
}
