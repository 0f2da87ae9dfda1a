using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Chair;
using FacilitatorKit.Engine.Participants;
using FluentValidation;

namespace FacilitatorKit.Application.Validation.Commands;

/// <summary>A newcomer's name follows the name rules and must tell them apart from the people present.</summary>
public sealed class AddParticipantValidator : CommandValidator<AddParticipant>
{
    public AddParticipantValidator()
    {
        RuleFor(c => c.Participant.Name).MustBeAName(NameOf.ParticipantName).OverridePropertyName("Name");
        RuleFor(c => c.Participant).Custom((person, context) =>
        {
            // Everyone who came tonight, those who have left too: someone who comes back is the same person ("is back"),
            // not a second one with the same name and an empty airtime.
            if (MeetingOf(context).Participants.FirstOrDefault(o => o.Id != person.Id && NameRules.Same(o.Name, person.Name)) is { } namesake)
            {
                var problem = namesake.IsPresent ? InputProblem.NameTakenHere : InputProblem.NameOfSomeoneWhoLeft;
                context.AddFailure(new FluentValidation.Results.ValidationFailure("Name", problem.ToString())
                {
                    ErrorCode = problem.ToString(),
                    CustomState = new Dictionary<string, object?> { ["Name"] = namesake.Name },
                });
            }
        });
        RuleFor(c => c.Participant.Kind).IsInEnum().Because(InputProblem.ParticipantKindUnknown).OverridePropertyName("Kind");

        // Counting those who left: each keeps a place in the meeting's record (airtime, turns) until it ends.
        RuleFor(c => c.Participant).Must((c, person, context) =>
                MeetingOf(context).Participants.Count < Limits.ParticipantsPerMeeting || MeetingOf(context).FindParticipant(person.Id) is not null)
            .Because(InputProblem.TooManyParticipants, ("Max", Limits.ParticipantsPerMeeting)).OverridePropertyName("Name");
    }
}

public sealed class MarkParticipantLeftValidator : CommandValidator<MarkParticipantLeft>
{
    public MarkParticipantLeftValidator() => PersonInMeeting(c => c.Participant);
}

public sealed class MarkSteppedOutValidator : CommandValidator<MarkSteppedOut>
{
    public MarkSteppedOutValidator() => PersonInMeeting(c => c.Participant);
}

public sealed class MarkSteppedBackValidator : CommandValidator<MarkSteppedBack>
{
    public MarkSteppedBackValidator() => PersonInMeeting(c => c.Participant);
}

public sealed class SignalBreakValidator : CommandValidator<SignalBreak>
{
    public SignalBreakValidator() => PersonInMeeting(c => c.Participant);
}

public sealed class AnswerBreakRequestValidator : CommandValidator<AnswerBreakRequest>
{
    public AnswerBreakRequestValidator() => PersonInMeeting(c => c.Participant);
}

public sealed class HandOverChairValidator : CommandValidator<HandOverChair>
{
    public HandOverChairValidator() => PersonInMeeting(c => c.To, "To");
}
