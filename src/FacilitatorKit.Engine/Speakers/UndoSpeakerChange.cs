using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Engine.Speakers;

/// <summary>
/// Takes back the last change of speaker, for a short while (<see cref="Limits.UndoSpeakerChange"/>), while the turn
/// it started is still under way. It names that turn, so an undo pressed on a screen that is behind does nothing.
/// </summary>
public sealed record UndoSpeakerChange(CommandId Id, TurnId Started) : MeetingCommand(Id)
{
    internal override MeetingAction RequiredAction(MeetingState state, Actor actor) => MeetingAction.RunQueue;

    internal override Decision Decide(MeetingState state, DateTimeOffset now)
    {
        if (Guards.Running(state) is { } refusal)
        {
            return refusal;
        }

        if (state.LastSpeakerChange is not { } change || change.Started != Started || state.CurrentTurn?.Id != Started)
        {
            return new Refusal(RefusalReason.NoSpeakerChangeToUndo);
        }

        if (now - change.At > Limits.UndoSpeakerChange)
        {
            return new Refusal(RefusalReason.TooLateToUndo) { Duration = Limits.UndoSpeakerChange };
        }

        if (change.Ended is { } ended && !state.IsPresent(ended.Turn.Participant))
        {
            return new Refusal(RefusalReason.CannotUndoPersonLeft) { Person = ended.Turn.Participant };
        }

        return Decision.Accept(new SpeakerChangeUndone(Started, now));
    }
}
