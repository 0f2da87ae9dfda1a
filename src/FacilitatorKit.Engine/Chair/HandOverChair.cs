using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Chair;

/// <summary>Hands the chair to someone present. Names the current chair, so two devices cannot hand it over twice.</summary>
public sealed record HandOverChair(CommandId Id, Actor Actor, ParticipantId? From, ParticipantId To) : MeetingCommand(Id, Actor)
{
    internal override MeetingAction RequiredAction(MeetingState state) => MeetingAction.HandOverChair;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if ((Guards.NotEnded(state) ?? Guards.Present(state, To)) is { } refusal)
        {
            return refusal;
        }

        if (state.Chair != From)
        {
            return Refusal.AlreadyChanged($"Already changed: {(state.Chair is { } chair ? state.NameOf(chair) : "nobody")} is the chair now.");
        }

        return From == To ? Decision.Accept() : Decision.Accept(new ChairHandedOver(From, To, now));
    }
}
