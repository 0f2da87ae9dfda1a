using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine;

/// <summary>Replaces the agenda with another format's, before the meeting starts.</summary>
public sealed record ChangeFormat(CommandId Id, MeetingFormat Format) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => MeetingAction.ChangeFormat;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (state.Phase == MeetingPhase.Cancelled)
        {
            return new Refusal(RefusalReason.MeetingCancelled);
        }

        if (state.Phase != MeetingPhase.Gathering)
        {
            return new Refusal(RefusalReason.FormatOnlyBeforeStart);
        }

        if (Format.Items.IsDefaultOrEmpty)
        {
            return new Refusal(RefusalReason.FormatHasNoItems);
        }

        foreach (var plan in Format.Items)
        {
            if (Guards.ValidPlan(plan) is { } invalid)
            {
                return invalid;
            }
        }

        return Decision.Accept(new FormatChanged(Format.Name, Format.Items));
    }
}
