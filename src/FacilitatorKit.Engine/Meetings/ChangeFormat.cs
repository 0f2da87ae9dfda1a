using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine;

/// <summary>Replaces the agenda with another format's, before the meeting starts.</summary>
public sealed record ChangeFormat(CommandId Id, Actor Actor, MeetingFormat Format) : MeetingCommand(Id, Actor)
{
    internal override MeetingAction RequiredAction(MeetingState state) => MeetingAction.ChangeFormat;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (state.Phase != MeetingPhase.Gathering)
        {
            return Refusal.NotNow("The format can only be changed before the meeting starts. Change the agenda item by item instead.");
        }

        if (Format.Items.IsDefaultOrEmpty)
        {
            return Refusal.Invalid("A format needs at least one agenda item.");
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
