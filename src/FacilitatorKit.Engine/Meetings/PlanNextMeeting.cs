using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine;

/// <summary>When and where the group meets next, as agreed at the closing. Either may be left open.</summary>
public sealed record NextMeeting(DateOnly? On, string? Place);

/// <summary>
/// Records the next meeting's date and place, agreed at the closing, so the meeting's summary can give them. It is
/// group business, like the notes: the facilitator roles record it, while the meeting runs. Saying it again changes
/// nothing; a blank place is no place.
/// </summary>
public sealed record PlanNextMeeting(CommandId Id, DateOnly? On, string? Place) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => MeetingAction.Notes;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.Running(state) is { } refusal)
        {
            return refusal;
        }

        var place = string.IsNullOrWhiteSpace(Place) ? null : Place.Trim();
        if (place?.Length > Limits.PlaceLength)
        {
            return new Refusal(RefusalReason.NextMeetingPlaceTooLong);
        }

        var next = new NextMeeting(On, place);
        return next == (state.NextMeeting ?? new NextMeeting(null, null))
            ? Decision.Accept()
            : Decision.Accept(new NextMeetingPlanned(On, place, now));
    }
}

/// <summary>The next meeting's date and place were agreed (or changed) at the closing.</summary>
public sealed record NextMeetingPlanned(DateOnly? On, string? Place, DateTimeOffset At) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state) => state with { NextMeeting = new NextMeeting(On, Place) };
}
