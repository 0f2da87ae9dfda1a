using FacilitatorKit.Application.Validation;
using FluentValidation;

namespace FacilitatorKit.Application.Groups;

/// <summary>What makes a group: its name, whether it is open or closed, and a closed group's planned sessions.</summary>
public interface IGroupShape
{
    string? Name { get; }
    GroupKind Kind { get; }
    int? PlannedSessions { get; }
}

/// <summary>A new group as the facilitator types it.</summary>
public sealed record NewGroup(string? Name, GroupKind Kind = GroupKind.Open, int? PlannedSessions = null) : IGroupShape;

/// <summary>The rules every group's shape follows, new or edited.</summary>
public abstract class GroupShapeValidator<T> : AbstractValidator<T>
    where T : IGroupShape
{
    protected GroupShapeValidator()
    {
        RuleFor(g => g.Name).MustBeAName(NameOf.GroupName);
        RuleFor(g => g.Kind).IsInEnum().Because(InputProblem.GroupKindUnknown);
        RuleFor(g => g.PlannedSessions)
            .NotNull().Because(InputProblem.SessionsMissing)
            .InclusiveBetween(1, NewGroupValidator.MaxSessions).Because(InputProblem.SessionsOutOfRange, ("Max", NewGroupValidator.MaxSessions))
            .When(g => g.Kind == GroupKind.Closed);
        RuleFor(g => g.PlannedSessions)
            .Null().Because(InputProblem.SessionsOnlyForClosed)
            .When(g => g.Kind == GroupKind.Open);
    }
}

public sealed class NewGroupValidator : GroupShapeValidator<NewGroup>
{
    /// <summary>The most sessions a closed group can plan.</summary>
    public const int MaxSessions = 200;
}

/// <summary>A member's name: the name rules, on its own.</summary>
public sealed class MemberNameValidator : AbstractValidator<string?>
{
    public MemberNameValidator() => RuleFor(n => n).MustBeAName(NameOf.MemberName).OverridePropertyName("Name");
}
