using FacilitatorKit.Application.Validation;
using FacilitatorKit.Engine;

namespace FacilitatorKit.Data.Sessions;

/// <summary>
/// One meeting in progress, held on the server (not in a browser circuit). Commands are applied one at a time:
/// validate → decide → append (commit) → apply → publish. Views subscribe and are told after each save.
/// </summary>
public sealed class MeetingSession : IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly MeetingLog _log;
    private readonly TimeProvider _clock;
    private readonly Lock _subscribersLock = new();
    private ImmutableSubscribers _subscribers = ImmutableSubscribers.Empty;

    internal MeetingSession(MeetingState state, MeetingLog log, TimeProvider clock)
    {
        State = state;
        _log = log;
        _clock = clock;
    }

    public MeetingId Id => State.Id;

    /// <summary>The state as of the last committed event.</summary>
    public MeetingState State { get; private set; }

    public async Task<CommandOutcome> SubmitAsync(MeetingCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var state = State;

            // A retry of a command already stored is acknowledged again, whatever has changed since.
            if (state.HandledCommands.Contains(command.Id))
            {
                return new(CommandStatus.Accepted, state, []);
            }

            // AUTH: the role may do this.
            if (Meeting.Authorize(state, command) is { } notAllowed)
            {
                return new(CommandStatus.Refused, state, [], notAllowed);
            }

            // VALIDATION: the boundary check on what people typed and named.
            var validation = new MeetingCommandValidator(state).Validate(command);
            if (!validation.IsValid)
            {
                return new(CommandStatus.Invalid, state, [], Errors: [.. validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage))]);
            }

            // RESOLUTION: the engine applies the meeting's rules and decides.
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
                await _log.AppendAsync(state.Id, state.Version + 1, command.Id, decision.Events, next.Phase, now).ConfigureAwait(false);
            }
            catch
            {
                // Not acknowledged. Whatever the log now holds is the truth: take it up again, so the next command
                // is decided against what is stored, not against a guess.
                State = Meeting.Replay(state.Id, await _log.ReadAsync(state.Id, CancellationToken.None).ConfigureAwait(false));
                throw;
            }

            State = next;

            // PUBLISH, only after the save succeeded.
            Publish(next);
            return new(CommandStatus.Accepted, next, decision.Events);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Tells <paramref name="onChange"/> about every saved change until the subscription is disposed.</summary>
    public IDisposable Subscribe(Action<MeetingState> onChange)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        var subscription = new Subscription(this, onChange);
        lock (_subscribersLock)
        {
            _subscribers = _subscribers.Add(subscription);
        }

        return subscription;
    }

    public int SubscriberCount => _subscribers.Items.Length;

    public void Dispose() => _writer.Dispose();

    private void Publish(MeetingState state)
    {
        // Each view's handler only schedules its own re-render; one that throws is not allowed to stop the rest.
        foreach (var subscription in _subscribers.Items)
        {
            try
            {
                subscription.Handler(state);
            }
            catch (Exception) when (!subscription.IsDisposed)
            {
                subscription.Dispose();
            }
            catch (Exception)
            {
                // Already gone.
            }
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_subscribersLock)
        {
            _subscribers = _subscribers.Remove(subscription);
        }
    }

    private sealed class Subscription(MeetingSession session, Action<MeetingState> handler) : IDisposable
    {
        private int _disposed;

        public Action<MeetingState> Handler => handler;
        public bool IsDisposed => Volatile.Read(ref _disposed) == 1;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                session.Remove(this);
            }
        }
    }

    private sealed record ImmutableSubscribers(Subscription[] Items)
    {
        public static readonly ImmutableSubscribers Empty = new([]);

        public ImmutableSubscribers Add(Subscription s) => new([.. Items, s]);

        public ImmutableSubscribers Remove(Subscription s) => new([.. Items.Where(i => !ReferenceEquals(i, s))]);
    }
}
