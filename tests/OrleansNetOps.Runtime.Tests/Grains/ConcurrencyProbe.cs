namespace OrleansNetOps.Runtime.Tests;

/// <summary>Counts how many threads are inside a grain's code at once; any value above one is a violation.</summary>
public sealed class ConcurrencyProbe
{
    private int _inside;
    private int _maxInside;
    private int _turns;

    public int MaxInside => Volatile.Read(ref _maxInside);

    public int Turns => Volatile.Read(ref _turns);

    /// <summary>One synchronous stretch of grain code: enter, spin a little so overlaps would show, leave.</summary>
    public void Turn()
    {
        var now = Interlocked.Increment(ref _inside);
        int seen;
        do
        {
            seen = Volatile.Read(ref _maxInside);
        }
        while (now > seen && Interlocked.CompareExchange(ref _maxInside, now, seen) != seen);

        Interlocked.Increment(ref _turns);
        Thread.SpinWait(200);
        Interlocked.Decrement(ref _inside);
    }

    public void Enter()
    {
        var now = Interlocked.Increment(ref _inside);
        int seen;
        do
        {
            seen = Volatile.Read(ref _maxInside);
        }
        while (now > seen && Interlocked.CompareExchange(ref _maxInside, now, seen) != seen);
    }

    public void Leave() => Interlocked.Decrement(ref _inside);
}
