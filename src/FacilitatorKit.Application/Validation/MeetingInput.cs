using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;

namespace FacilitatorKit.Application.Validation;

/// <summary>
/// Where what a person typed becomes a command. Each method validates, trims names, and either returns the
/// command ready for the engine or field-by-field messages for the form. Nothing is decided here.
/// </summary>
public sealed class MeetingInput(MeetingState state, Actor actor)
{
    private readonly MeetingCommandValidator _validator = new(state);

    public Validated<AddParticipant> AddParticipant(string? name, ParticipantKind kind = ParticipantKind.Member, int? seat = null, ParticipantId? id = null) =>
        Build(new AddParticipant(CommandId.New(), actor, new Participant(id ?? ParticipantId.New(), NameRules.Normalize(name), kind), seat));

    public Validated<AddAgendaItem> AddAgendaItem(AgendaItemInput input, int? index = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = new AgendaItemInputValidator().Validate(input);
        return result.IsValid
            ? Build(new AddAgendaItem(CommandId.New(), actor, input.ToPlan(), index))
            : Validated<AddAgendaItem>.From(result, () => null!);
    }

    public Validated<ExtendAgendaItem> ExtendItem(AgendaItemId item, double minutes) =>
        double.IsFinite(minutes)
            ? Build(new ExtendAgendaItem(CommandId.New(), actor, item, TimeSpan.FromMinutes(minutes)))
            : Validated<ExtendAgendaItem>.Invalid("By", "Please enter a number of minutes.");

    public Validated<ExtendTurn> ExtendTurn(TurnId turn, double minutes) =>
        double.IsFinite(minutes)
            ? Build(new ExtendTurn(CommandId.New(), actor, turn, TimeSpan.FromMinutes(minutes)))
            : Validated<ExtendTurn>.Invalid("By", "Please enter a number of minutes.");

    public Validated<ChangeTurnLimit> ChangeTurnLimit(AgendaItemId item, double? minutes) =>
        minutes is { } m && !double.IsFinite(m)
            ? Validated<ChangeTurnLimit>.Invalid("Limit", "Please enter a number of minutes.")
            : Build(new ChangeTurnLimit(CommandId.New(), actor, item, minutes is { } limit ? TimeSpan.FromMinutes(limit) : null));

    /// <summary>Checks any command (for example one a button built) against this meeting before it goes to the engine.</summary>
    public Validated<T> Build<T>(T command)
        where T : MeetingCommand =>
        Validated<T>.From(_validator.Validate(command), () => command);
}
