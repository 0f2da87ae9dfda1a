using FacilitatorKit.Application.Ports;
using FacilitatorKit.Application.Validation;
using FacilitatorKit.Application.Validation.Commands;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Roles;

namespace FacilitatorKit.Application.Meetings;

/// <summary>
/// One meeting in progress, held on the server (not in a browser circuit). Commands are applied one at a time, each
/// through one fixed pipeline: stamp who sends it → authorise → validate → decide → persist (commit) → publish.
/// </summary>
public sealed class MeetingSession : IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly IMeetingLog _log;
    private readonly ILiveChanges _live;
    private readonly CommandValidation _validation;
    private readonly TimeProvider _clock;

    internal MeetingSession(MeetingState state, IMeetingLog log, ILiveChanges live, CommandValidation validation, TimeProvider clock)
    {
        State = state;
        _log = log;
        _live = live;
        _validation = validation;
        _clock = clock;
        _lastChanged = clock.GetUtcNow().UtcTicks;
    }

    private long _lastChanged; // UTC ticks: read by MeetingSessions' timer on another thread, so never torn

    /// <summary>When this session was restored or last stored a change (so a meeting just ended is not released at once).</summary>
    public DateTimeOffset LastChanged => new(Interlocked.Read(ref _lastChanged), TimeSpan.Zero);

    public MeetingId Id => State.Id;

    /// <summary>The state as of the last committed event.</summary>
    public MeetingState State { get; private set; }

    /// <summary>Sends a command on behalf of <paramref name="actor"/>: whatever actor the command carried is replaced.</summary>
    public Task<CommandOutcome> SubmitAsync(MeetingCommand command, Actor? actor, CancellationToken cancellationToken = default) =>
        SubmitAsync(command, actor, null, cancellationToken);

    /// <summary>
    /// Sends a command on behalf of <paramref name="actor"/>, from <paramref name="device"/>: the log keeps the role and
    /// the device with the events it causes (never a name).
    /// </summary>
    public async Task<CommandOutcome> SubmitAsync(MeetingCommand command, Actor? actor, Guid? device, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);

        // STAMP: the command acts for the device that sent it, never for whoever it claims to be.
        command = command with { Actor = actor };

        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var state = State;

            // A retry of a command already stored is acknowledged again, whatever has changed since.
            if (state.HandledCommands.Contains(command.Id))
            {
                return new(CommandStatus.Accepted, state, []);
            }

            // AUTHORISE: the role may do this.
            if (Meeting.Authorize(state, command) is { } notAllowed)
            {
                return new(CommandStatus.Refused, state, [], notAllowed);
            }

            // VALIDATE: the boundary check on what people typed and named.
            var validation = _validation.Validate(state, command);
            if (!validation.IsValid)
            {
                return new(CommandStatus.Invalid, state, [], Errors: [.. validation.Errors.Select(FieldError.From)]);
            }

            // DECIDE: the engine applies the meeting's rules.
            var now = _clock.GetUtcNow();
            var decision = Meeting.Decide(state, command, now);
            if (!decision.IsAccepted)
            {
                return new(CommandStatus.Refused, state, [], decision.Refusal);
            }

            if (decision.Events.Count == 0)
            {
                return new(CommandStatus.Accepted, state, []);
            }

            // PERSIST, then apply: the acknowledgement below is given only after the commit.
            var next = Meeting.Apply(state, decision.Events);
            try
            {
                await _log.AppendAsync(state.Id, state.Version, command.Id, decision.Events, next.Phase, now, new WhoActed(actor?.Role, device)).ConfigureAwait(false);
            }
            catch
            {
                // Not acknowledged. Whatever the log now holds is the truth: take it up again, so the next command
                // is decided against what is stored, not against a guess.
                State = Meeting.Replay(state.Id, await _log.ReadAsync(state.Id, 0, CancellationToken.None).ConfigureAwait(false));
                throw;
            }

            State = next;
            Interlocked.Exchange(ref _lastChanged, now.UtcTicks);

            // PUBLISH, only after the save succeeded.
            _live.MeetingChanged(next);
            return new(CommandStatus.Accepted, next, decision.Events);
        }
        finally
        {
            _writer.Release();
        }
    }

    public void Dispose() => _writer.Dispose();
}
