namespace FacilitatorKit.Web.Tests.Support;

/// <summary>
/// The server's clock, running, but ahead of the real one by as much as the test says: a test can jump to the last
/// minutes of an item without waiting for them. The pages read it through <c>/time</c>, so their countdowns agree.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _aheadTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _aheadTicks));

    public void Jump(TimeSpan by) => Interlocked.Add(ref _aheadTicks, by.Ticks);
}
