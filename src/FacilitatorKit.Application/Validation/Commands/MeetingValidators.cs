using FacilitatorKit.Engine;
using FluentValidation;

namespace FacilitatorKit.Application.Validation.Commands;

/// <summary>A sane format; names that follow the name rules and tell people apart; a chair who is there.</summary>
public sealed class SetUpMeetingValidator : CommandValidator<SetUpMeeting>
{
    public SetUpMeetingValidator()
    {
        RuleFor(c => c.Format).SetValidator(new FormatValidator());
        RuleFor(c => c.Participants).Must(ps => ps.IsDefault || ps.Length <= Limits.ParticipantsPerMeeting)
            .Because(InputProblem.TooManyParticipants, ("Max", Limits.ParticipantsPerMeeting));
        RuleForEach(c => c.Participants).ChildRules(p => p.RuleFor(x => x.Name).MustBeAName(NameOf.ParticipantName))
            .When(c => !c.Participants.IsDefault).OverridePropertyName("Participants");
        RuleFor(c => c.Participants)
            .Must(ps => ps.IsDefault || ps.GroupBy(p => NameRules.Normalize(p.Name), StringComparer.OrdinalIgnoreCase).All(g => g.Count() == 1))
            .Because(InputProblem.TwoPeopleSameName);
        RuleFor(c => c.Chair)
            .Must((c, chair) => chair is null || (!c.Participants.IsDefault && c.Participants.Any(p => p.Id == chair)))
            .Because(InputProblem.ChairNotAtMeeting);
    }
}

public sealed class ChangeFormatValidator : CommandValidator<ChangeFormat>
{
    public ChangeFormatValidator() => RuleFor(c => c.Format).SetValidator(new FormatValidator());
}

public sealed class StartMeetingValidator : ShapeFree<StartMeeting>
{
}

public sealed class EndMeetingValidator : ShapeFree<EndMeeting>
{
}

public sealed class CancelMeetingValidator : ShapeFree<CancelMeeting>
{
}

/// <summary>The next meeting's place: a few words, with no invisible characters. (The date is any date.)</summary>
public sealed class PlanNextMeetingValidator : CommandValidator<PlanNextMeeting>
{
    public PlanNextMeetingValidator() =>
        RuleFor(c => c.Place)
            .Must(p => NameRules.Length(p) <= Limits.PlaceLength).Because(InputProblem.PlaceTooLong, ("Max", Limits.PlaceLength))
            .Must(p => !NameRules.HasControlCharacters(NameRules.Normalize(p))).Because(InputProblem.PlaceHasInvisibleCharacters);
}
