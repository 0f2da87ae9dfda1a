using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Speakers;
using FluentValidation;

namespace FacilitatorKit.Application.Validation.Commands;

public sealed class RaiseHandValidator : CommandValidator<RaiseHand>
{
    public RaiseHandValidator() => PersonInMeeting(c => c.Participant);
}

public sealed class LowerHandValidator : CommandValidator<LowerHand>
{
    public LowerHandValidator() => PersonInMeeting(c => c.Participant);
}

public sealed class RaisePointOfProcessValidator : CommandValidator<RaisePointOfProcess>
{
    public RaisePointOfProcessValidator() => PersonInMeeting(c => c.Participant);
}

public sealed class StartGoRoundValidator : CommandValidator<StartGoRound>
{
    public StartGoRoundValidator() =>
        RuleFor(c => c.StartWith).Must((_, first, context) => first is not { } id || MeetingOf(context).FindParticipant(id) is not null)
            .Because(InputProblem.PersonNotInMeeting);
}

public sealed class ExtendTurnValidator : CommandValidator<ExtendTurn>
{
    public ExtendTurnValidator() =>
        RuleFor(c => c.By).InclusiveBetween(Limits.ShortestTurnExtension, Limits.LongestTurnExtension)
            .Because(InputProblem.TurnExtensionOutOfRange, ("Min", Limits.ShortestTurnExtension), ("Max", Limits.LongestTurnExtension));
}

public sealed class NextSpeakerValidator : ShapeFree<NextSpeaker>
{
}

public sealed class EndTurnValidator : ShapeFree<EndTurn>
{
}

public sealed class PauseTurnValidator : ShapeFree<PauseTurn>
{
}

public sealed class ResumeTurnValidator : ShapeFree<ResumeTurn>
{
}

public sealed class PassValidator : ShapeFree<Pass>
{
}

public sealed class PassForNowValidator : ShapeFree<PassForNow>
{
}

public sealed class UndoSpeakerChangeValidator : ShapeFree<UndoSpeakerChange>
{
}
