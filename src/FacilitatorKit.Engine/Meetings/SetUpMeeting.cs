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
    MeetingId Meeting,
    MeetingFormat Format,
    ImmutableArray<Participant> Participants,
    ParticipantId? Chair = null,
    ImmutableDictionary<ParticipantId, TimeSpan>? RecentAirtime = null) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => MeetingAction.StartOrEndMeeting;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (state.Phase != MeetingPhase.New)
        {
            return new Refusal(RefusalReason.MeetingAlreadySetUp);
        }

        if (Meeting != state.Id)
        {
            return new Refusal(RefusalReason.SetUpForAnotherMeeting);
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

        var people = Participants.IsDefault ? [] : Participants;
        if (people.Select(p => p.Id).Distinct().Count() != people.Length)
        {
            return new Refusal(RefusalReason.PersonListedTwice);
        }

        if (Chair is { } chair && !people.Any(p => p.Id == chair))
        {
            return new Refusal(RefusalReason.ChairNotAtMeeting);
        }

        return Decision.Accept(new MeetingSetUp(
            Meeting, now, Format.Name, Format.Items, people, Chair,
            RecentAirtime ?? ImmutableDictionary<ParticipantId, TimeSpan>.Empty));
    }
}
