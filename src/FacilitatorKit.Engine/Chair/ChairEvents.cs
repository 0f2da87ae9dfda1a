namespace FacilitatorKit.Engine.Chair;

public sealed record ChairHandedOver(ParticipantId? From, ParticipantId To, DateTimeOffset At) : MeetingEvent
{
    internal override MeetingState ApplyTo(MeetingState state) => state with
    {
        Chair = To,
        ChairHistory = state.ChairHistory.Add(new ChairHandover(From, To, At)),
    };
}
