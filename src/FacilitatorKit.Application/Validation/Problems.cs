using FluentValidation;

namespace FacilitatorKit.Application.Validation;

/// <summary>How a rule says what is wrong: an <see cref="InputProblem"/> code and its arguments, never a sentence.</summary>
public static class Problems
{
    public static IRuleBuilderOptions<T, TProperty> Because<T, TProperty>(
        this IRuleBuilderOptions<T, TProperty> rule, InputProblem problem, params (string Name, object? Value)[] args) =>
        rule.Because(problem, _ => args);

    /// <summary>With arguments that depend on the input (the name that is already taken, say).</summary>
    public static IRuleBuilderOptions<T, TProperty> Because<T, TProperty>(
        this IRuleBuilderOptions<T, TProperty> rule, InputProblem problem, Func<T, (string Name, object? Value)[]> args)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(args);
        return rule
            .WithErrorCode(problem.ToString())
            .WithMessage(problem.ToString())
            .WithState(input => (IReadOnlyDictionary<string, object?>)args(input).ToDictionary(a => a.Name, a => a.Value));
    }
}
