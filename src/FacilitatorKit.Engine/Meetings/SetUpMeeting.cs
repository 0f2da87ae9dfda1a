using System.Collections.Immutable;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine;

/// <summary>
/// Sets a meeting up from a format, with the people there, the chair of the day, and (optionally) each person's
/// airtime over the group's recent meetings, which the balanced order uses.
/// </summary>
public sealed record SetUpMeeting(
    CommandId Id,
    Actor Actor,
    MeetingId Meeting,
    MeetingFormat Format,
    ImmutableArray<Participant> Participants,
    ParticipantId? Chair = null,
    ImmutableDictionary<ParticipantId, TimeSpan>? RecentAirtime = null) : MeetingCommand(Id, Actor)
{
    internal override MeetingAction RequiredAction(MeetingState state) => MeetingAction.StartOrEndMeeting;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (state.Phase != MeetingPhase.New)
        {
            return Refusal.NotNow("This meeting has already been set up.");
        }

        if (Meeting != state.Id)
        {
            return Refusal.Invalid("This set-up is for another meeting.");
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

        var people = Participants.IsDefault ? [] : Participants;
        if (people.Select(p => p.Id).Distinct().Count() != people.Length)
        {
            return Refusal.Invalid("The same person is listed twice.");
        }

        if (Chair is { } chair && !people.Any(p => p.Id == chair))
        {
            return Refusal.NotFound("The chair must be one of the people at the meeting.");
        }

        return Decision.Accept(new MeetingSetUp(
            Meeting, now, Format.Name, Format.Items, people, Chair,
            RecentAirtime ?? ImmutableDictionary<ParticipantId, TimeSpan>.Empty));
    }
}
