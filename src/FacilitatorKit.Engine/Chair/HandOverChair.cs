using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Chair;

/// <summary>Hands the chair to someone present. Names the current chair, so two devices cannot hand it over twice.</summary>
public sealed record HandOverChair(CommandId Id, ParticipantId? From, ParticipantId To) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => MeetingAction.HandOverChair;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if ((Guards.NotEnded(state) ?? Guards.Present(state, To)) is { } refusal)
        {
            return refusal;
        }

        if (state.Chair != From)
        {
            return new Refusal(RefusalReason.ChairAlreadyChanged) { Person = state.Chair };
        }

        return From == To ? Decision.Accept() : Decision.Accept(new ChairHandedOver(From, To, now));
    }
}
