using FacilitatorKit.Application.Validation;
using FacilitatorKit.Data.Model;
using FluentValidation;

namespace FacilitatorKit.Data.Groups;

/// <summary>A new group as the facilitator types it.</summary>
public sealed record NewGroup(string? Name, GroupKind Kind = GroupKind.Open, int? PlannedSessions = null);

public sealed class NewGroupValidator : AbstractValidator<NewGroup>
{
    public const int MaxSessions = 200;

    public NewGroupValidator()
    {
        RuleFor(g => g.Name).MustBeAName("group name");
        RuleFor(g => g.Kind).IsInEnum().WithMessage("Please choose whether the group is open or closed.");
        RuleFor(g => g.PlannedSessions)
            .NotNull().WithMessage("A closed group needs a planned number of sessions.")
            .InclusiveBetween(1, MaxSessions).WithMessage($"A closed group plans between 1 and {MaxSessions} sessions.")
            .When(g => g.Kind == GroupKind.Closed);
        RuleFor(g => g.PlannedSessions)
            .Null().WithMessage("Only a closed group has a planned number of sessions.")
            .When(g => g.Kind == GroupKind.Open);
    }
}
