namespace FacilitatorKit.Engine.Speakers;

/// <summary>
/// One change of speaker, kept so that it can be undone for a short while (<see cref="Limits.UndoSpeakerChange"/>):
/// the turn it started, where that person was waiting, and the turn it ended, if it ended one.
/// </summary>
/// <param name="Started">The turn the change started.</param>
/// <param name="At">When.</param>
/// <param name="Entry">The started person's place in the queue, and its index in the queue's list, if they were waiting.</param>
/// <param name="Ended">The turn the same press ended, if any.</param>
public sealed record SpeakerChange(TurnId Started, DateTimeOffset At, QueueEntry? Entry, int EntryIndex, EndedTurn? Ended);

/// <summary>A turn as it was when it ended, with what ending it changed, so that it can be taken back.</summary>
/// <param name="Turn">The turn, as it was under way.</param>
/// <param name="At">When it ended.</param>
/// <param name="AirtimeBefore">The person's finished airtime before it, or null if they had none (had not spoken).</param>
/// <param name="AddedShared">Whether ending it counted them as having shared in this item.</param>
/// <param name="RoundBefore">The go-round before it ended.</param>
public sealed record EndedTurn(Turn Turn, DateTimeOffset At, TimeSpan? AirtimeBefore, bool AddedShared, GoRound? RoundBefore);
