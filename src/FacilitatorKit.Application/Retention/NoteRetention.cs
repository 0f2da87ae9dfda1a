using FacilitatorKit.Application.Ports;

namespace FacilitatorKit.Application.Retention;

/// <summary>
/// Retention (issue 13 §4): each group may choose to have the notes of its meetings deleted once they are more than N
/// months old. Off by default. Applied at start (<see cref="AfterStart"/>) and then every day, on the clock's time (a test advances a
/// FakeTimeProvider). Deleting scrubs the file, as every deletion does. The host starts and stops it.
/// </summary>
public sealed class NoteRetention(IGroupRepository groups, TimeProvider clock) : IDisposable
{
    /// <summary>How often retention is applied after the sweep at start.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromDays(1);

    /// <summary>How long after start the first sweep waits: the first pages a facilitator opens are not slowed by it.</summary>
    public static readonly TimeSpan AfterStart = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private ITimer? _timer;
    private Task _last = Task.CompletedTask;

    /// <summary>Called with a sweep that failed (the host logs it); the next sweep tries again.</summary>
    public Action<Exception>? Failed { get; set; }

    /// <summary>The sweep under way or last done, for tests and for a host that stops.</summary>
    public Task Last
    {
        get
        {
            lock (_gate)
            {
                return _last;
            }
        }
    }

    /// <summary>Sweeps <see cref="AfterStart"/> from now, then every <see cref="Every"/>.</summary>
    public void Start()
    {
        lock (_gate)
        {
            _timer ??= clock.CreateTimer(_ => Sweep(), null, AfterStart, Every);
        }
    }

    /// <summary>Deletes the notes every group's retention no longer keeps. Returns how many were deleted.</summary>
    public Task<int> SweepAsync(CancellationToken cancellationToken = default) => groups.DeleteExpiredNotesAsync(clock.GetUtcNow(), cancellationToken);

    public void Dispose()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    // One sweep at a time: a sweep that is late runs after the one before it.
    private void Sweep()
    {
        lock (_gate)
        {
            _last = _last.ContinueWith(async _ =>
            {
                try
                {
                    await SweepAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Failed?.Invoke(e);
                }
            }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }
}
