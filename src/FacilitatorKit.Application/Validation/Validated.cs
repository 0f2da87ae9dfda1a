using FluentValidation.Results;

namespace FacilitatorKit.Application.Validation;

/// <summary>A message for one field of a form, to show next to that field.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>Input that became a command, or the reasons it could not, field by field.</summary>
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

    public static Validated<T> Invalid(string field, string message) => new(null, [new FieldError(field, message)]);

    public static Validated<T> From(ValidationResult result, Func<T> build)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(build);
        return result.IsValid
            ? Valid(build())
            : Invalid(result.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)));
    }

    /// <summary>The first message for a field, for the form to show beside it.</summary>
    public string? MessageFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;
}
