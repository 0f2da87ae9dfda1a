using FacilitatorKit.Application.Validation;
using FluentValidation;

namespace FacilitatorKit.Application.Access;

/// <summary>A facilitator's sign-in as typed: an alias (a first name or a made-up name) and a passphrase.</summary>
public sealed record NewFacilitator(string? Alias, string? Passphrase)
{
    /// <summary>Long enough to be worth guessing at for years over the network; a few words make one.</summary>
    public const int MinPassphrase = 10;

    public const int MaxPassphrase = 200;
}

public sealed class NewFacilitatorValidator : AbstractValidator<NewFacilitator>
{
    public NewFacilitatorValidator()
    {
        RuleFor(x => x.Alias).MustBeAName(NameOf.Alias);
        RuleFor(x => x.Passphrase)
            .Must(p => (p ?? "").Length >= NewFacilitator.MinPassphrase).Because(InputProblem.PassphraseTooShort, ("Min", NewFacilitator.MinPassphrase))
            .Must(p => (p ?? "").Length <= NewFacilitator.MaxPassphrase).Because(InputProblem.PassphraseTooLong, ("Max", NewFacilitator.MaxPassphrase));
    }
}
