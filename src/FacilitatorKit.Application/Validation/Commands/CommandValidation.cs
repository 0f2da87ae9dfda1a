using System.Collections.Concurrent;
using FacilitatorKit.Engine;
using FluentValidation;
using FluentValidation.Results;

namespace FacilitatorKit.Application.Validation.Commands;

/// <summary>
/// Finds the one validator of each command in DI and runs it against the meeting as it is. A command type without
/// one is a mistake in this code, not in what a person typed: it throws, and a test lists every command type.
/// </summary>
public sealed class CommandValidation(IServiceProvider services)
{
    private readonly ConcurrentDictionary<Type, IValidator> _validators = new();

    public ValidationResult Validate(MeetingState state, MeetingCommand command)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        var validator = ValidatorFor(command.GetType());
        var context = new ValidationContext<MeetingCommand>(command);
        context.RootContextData[CommandValidator<MeetingCommand>.MeetingKey] = state;
        return validator.Validate(context);
    }

    /// <summary>The validator registered for a command type; throws if there is none.</summary>
    public IValidator ValidatorFor(Type commandType) => _validators.GetOrAdd(commandType, type =>
        services.GetService(typeof(IValidator<>).MakeGenericType(type)) as IValidator
        ?? throw new InvalidOperationException(
            $"{type.Name} has no validator. Add a {type.Name}Validator: a CommandValidator<{type.Name}>, or a ShapeFree<{type.Name}> if it has nothing to check."));
}
