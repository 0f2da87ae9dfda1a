using FacilitatorKit.Engine;
using FluentValidation.Results;

namespace FacilitatorKit.Application.Validation;

/// <summary>
/// A problem with one field of a form, to show next to that field: a code and the values its sentence needs (the
/// screens word it), or the engine's refusal when the engine said no.
/// </summary>
public sealed record FieldError(string Field, string Code, IReadOnlyDictionary<string, object?> Args)
{
    public FieldError(string field, InputProblem problem, params (string Name, object? Value)[] args)
        : this(field, problem.ToString(), args.ToDictionary(a => a.Name, a => a.Value))
    {
    }

    /// <summary>The engine's refusal, when that is what this is.</summary>
    public Refusal? Refusal { get; init; }

    public static FieldError From(ValidationFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new(failure.PropertyName, failure.ErrorCode, failure.CustomState as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>());
    }

    public static FieldError From(string field, Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new(field, refusal.Reason.ToString(), new Dictionary<string, object?>()) { Refusal = refusal };
    }

    public bool Is(InputProblem problem) => Code == problem.ToString();
}

/// <summary>Input that became a value, or the reasons it could not, field by field.</summary>
public sealed class Validated<T>
    where T : class
{
    private Validated(T? value, IReadOnlyList<FieldError> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }
    public IReadOnlyList<FieldError> Errors { get; }
    public bool IsValid => Value is not null;

    public static Validated<T> Valid(T value) => new(value, []);

    public static Validated<T> Invalid(IEnumerable<FieldError> errors) => new(null, [.. errors]);

    public static Validated<T> Invalid(string field, InputProblem problem, params (string Name, object? Value)[] args) =>
        new(null, [new FieldError(field, problem, args)]);

    public static Validated<T> From(ValidationResult result, Func<T> build)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(build);
        return result.IsValid ? Valid(build()) : Invalid(result.Errors.Select(FieldError.From));
    }

    /// <summary>The first problem with a field, for the form to show beside it.</summary>
    public FieldError? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field);
}
