using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FluentValidation;

namespace FacilitatorKit.Application.Validation.Commands;

public sealed class AddAgendaItemValidator : CommandValidator<AddAgendaItem>
{
    public AddAgendaItemValidator()
    {
        RuleFor(c => AgendaItemInput.From(c.Plan)).SetValidator(new AgendaItemInputValidator()).OverridePropertyName("Item");
        RuleFor(c => c.Plan).Must((_, _, context) => MeetingOf(context).Agenda.Count < Limits.AgendaItems)
            .Because(InputProblem.TooManyAgendaItems, ("Max", Limits.AgendaItems)).OverridePropertyName("Item");
    }
}

public sealed class ExtendAgendaItemValidator : CommandValidator<ExtendAgendaItem>
{
    public ExtendAgendaItemValidator()
    {
        ItemOnAgenda(c => c.Item);
        RuleFor(c => c.By).InclusiveBetween(Limits.ShortestItemExtension, Limits.LongestItemExtension)
            .Because(InputProblem.ItemExtensionOutOfRange, ("Min", Limits.ShortestItemExtension), ("Max", Limits.LongestItemExtension));
    }
}

public sealed class ChangeTurnLimitValidator : CommandValidator<ChangeTurnLimit>
{
    public ChangeTurnLimitValidator()
    {
        ItemOnAgenda(c => c.Item);
        RuleFor(c => c.Limit).Must(l => l is null || (l >= Limits.ShortestTurnLimit && l <= Limits.LongestTurnLimit))
            .Because(InputProblem.TurnLimitOutOfRange, ("Min", Limits.ShortestTurnLimit), ("Max", Limits.LongestTurnLimit));
    }
}

public sealed class ChangeTurnPolicyValidator : CommandValidator<ChangeTurnPolicy>
{
    public ChangeTurnPolicyValidator()
    {
        ItemOnAgenda(c => c.Item);
        RuleFor(c => c.Policy).IsInEnum().Because(InputProblem.TurnOrderUnknown);
    }
}

public sealed class RemoveAgendaItemValidator : CommandValidator<RemoveAgendaItem>
{
    public RemoveAgendaItemValidator() => ItemOnAgenda(c => c.Item);
}

public sealed class MoveAgendaItemValidator : CommandValidator<MoveAgendaItem>
{
    public MoveAgendaItemValidator() => ItemOnAgenda(c => c.Item);
}

public sealed class SkipAgendaItemValidator : CommandValidator<SkipAgendaItem>
{
    public SkipAgendaItemValidator() => ItemOnAgenda(c => c.Item);
}

public sealed class ReleaseQuietReserveValidator : CommandValidator<ReleaseQuietReserve>
{
    public ReleaseQuietReserveValidator() => ItemOnAgenda(c => c.Item);
}

public sealed class NextItemValidator : ShapeFree<NextItem>
{
}
