using System.Linq.Expressions;
using FacilitatorKit.Engine;
using FluentValidation;

namespace FacilitatorKit.Application.Validation.Commands;

/// <summary>
/// The boundary check of one kind of command, before the engine decides it: people and items the meeting has, sane
/// durations, names that tell people apart. The engine's own rules (who may, what state) come after. Every command
/// has exactly one, found by DI; a command with nothing to check says so with <see cref="ShapeFree{T}"/>.
/// </summary>
public abstract class CommandValidator<T> : AbstractValidator<T>
    where T : MeetingCommand
{
    /// <summary>The key under which the meeting's state travels in the validation context.</summary>
    public const string MeetingKey = "meeting";

    protected static MeetingState MeetingOf(ValidationContext<T> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RootContextData.TryGetValue(MeetingKey, out var state) && state is MeetingState meeting
            ? meeting
            : throw new InvalidOperationException($"Validate {typeof(T).Name} through CommandValidation, which gives the meeting's state.");
    }

    /// <summary>The person is in this meeting (present or not: whether they may still act is the engine's rule).</summary>
    protected void PersonInMeeting(Expression<Func<T, ParticipantId>> who, string field = "Participant") =>
        RuleFor(who).Must((_, id, context) => MeetingOf(context).FindParticipant(id) is not null)
            .Because(InputProblem.PersonNotInMeeting).OverridePropertyName(field);

    protected void ItemOnAgenda(Expression<Func<T, AgendaItemId>> item) =>
        RuleFor(item).Must((_, id, context) => MeetingOf(context).FindItem(id) is not null)
            .Because(InputProblem.ItemNotOnAgenda).OverridePropertyName("Item");
}

/// <summary>The explicit mark of a command whose shape has nothing to check: the engine's rules are all it needs.</summary>
public abstract class ShapeFree<T> : CommandValidator<T>
    where T : MeetingCommand
{
}
