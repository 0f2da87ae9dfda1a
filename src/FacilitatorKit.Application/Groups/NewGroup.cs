using FacilitatorKit.Application.Validation;
using FluentValidation;

namespace FacilitatorKit.Application.Groups;

/// <summary>A new group as the facilitator types it.</summary>
public sealed record NewGroup(string? Name, GroupKind Kind = GroupKind.Open, int? PlannedSessions = null);

public sealed class NewGroupValidator : AbstractValidator<NewGroup>
{
    /// <summary>The most sessions a closed group can plan.</summary>
    public const int MaxSessions = 200;

    public NewGroupValidator()
    {
        RuleFor(g => g.Name).MustBeAName(NameOf.GroupName);
        RuleFor(g => g.Kind).IsInEnum().Because(InputProblem.GroupKindUnknown);
        RuleFor(g => g.PlannedSessions)
            .NotNull().Because(InputProblem.SessionsMissing)
            .InclusiveBetween(1, MaxSessions).Because(InputProblem.SessionsOutOfRange, ("Max", MaxSessions))
            .When(g => g.Kind == GroupKind.Closed);
        RuleFor(g => g.PlannedSessions)
            .Null().Because(InputProblem.SessionsOnlyForClosed)
            .When(g => g.Kind == GroupKind.Open);
    }
}

/// <summary>A member's name: the name rules, on its own.</summary>
public sealed class MemberNameValidator : AbstractValidator<string?>
{
    public MemberNameValidator() => RuleFor(n => n).MustBeAName(NameOf.MemberName).OverridePropertyName("Name");
}
