namespace OrleansNetOps.Grains.Tests.Coordination;

/// <summary>
/// The system clock plus an offset a test moves forward: time keeps flowing (the runtime's timers stay real), and a
/// test can jump past a rolling window without waiting for it.
/// </summary>
internal sealed class MovableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
