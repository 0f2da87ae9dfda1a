using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;

namespace FacilitatorKit.Benchmarks.Store;

/// <summary>
/// What a facilitator sends during an open discussion, as a cycle of 12 commands that are all accepted and all
/// write events (14 events a cycle): two hands up, pause, resume, add a minute, a hand lowered, next speaker, a
/// point of process, next speaker (the point of process), end turn, a hand up, next speaker.
/// It starts, and comes back to, a state with someone speaking and nobody waiting.
/// Each call picks the next command from the meeting's current state; command ids are new every time.
/// </summary>
public sealed class CommandCycle
{
    public const int Length = 12;
    public const int EventsPerCycle = 14;

    private int _step;
    private int _seat;

    public MeetingCommand Next(MeetingState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var id = CommandId.New();
        var f = Actor.Facilitator;
        var step = _step;
        _step = (_step + 1) % Length;
        return step switch
        {
            0 or 1 => new RaiseHand(id, Listening(state)) { Actor = f },                  // HandRaised
            2 => new PauseTurn(id, Turn(state)) { Actor = f },                            // TurnPaused
            3 => new ResumeTurn(id, Turn(state)) { Actor = f },                           // TurnResumed
            4 => ExtendTurn.AddAMinute(id, Turn(state)) with { Actor = f },    // TurnExtended
            5 => new LowerHand(id, state.Queue[^1].Participant) { Actor = f },            // HandLowered: changed their mind
            6 => new NextSpeaker(id, Turn(state)) { Actor = f },                          // TurnEnded, TurnStarted
            7 => new RaisePointOfProcess(id, Listening(state)) { Actor = f },             // PointOfProcessRaised
            8 => new NextSpeaker(id, Turn(state)) { Actor = f },                          // TurnEnded, TurnStarted (point of process)
            9 => new EndTurn(id, Turn(state)) { Actor = f },                              // TurnEnded
            10 => new RaiseHand(id, Listening(state)) { Actor = f },                      // HandRaised
            _ => new NextSpeaker(id, null) { Actor = f },                                 // TurnStarted
        };
    }

    /// <summary>Submits and insists that the command was acknowledged (accepted, stored) and wrote events.</summary>
    public static async Task<CommandOutcome> SubmitAcceptedAsync(MeetingSession session, MeetingCommand command)
    {
        ArgumentNullException.ThrowIfNull(session);
        var outcome = await session.SubmitAsync(command, command.Actor);
        if (!outcome.IsAccepted || outcome.Events.Count == 0)
        {
            throw new InvalidOperationException($"{command.GetType().Name} was not stored: {outcome.Status} {outcome.Problem?.Code}");
        }

        return outcome;
    }

    private static TurnId Turn(MeetingState state) =>
        state.CurrentTurn?.Id ?? throw new InvalidOperationException("The cycle expects someone to be speaking.");

    /// <summary>The next person round the circle who is neither speaking nor waiting.</summary>
    private ParticipantId Listening(MeetingState state)
    {
        var people = state.PresentParticipants.ToList();
        for (var i = 0; i < people.Count; i++)
        {
            var candidate = people[_seat++ % people.Count].Id;
            if (candidate != state.CurrentTurn?.Participant && !state.IsQueued(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Everyone is speaking or waiting.");
    }
}
