namespace OrleansNetOps.Runtime;

/// <summary>How a grain timer behaves.</summary>
/// <param name="DueTime">Delay before the first tick.</param>
/// <param name="Period">Delay between the end of one tick and the next; <see cref="Timeout.InfiniteTimeSpan"/> for one tick.</param>
public readonly record struct GrainTimerCreationOptions(TimeSpan DueTime, TimeSpan Period)
{
    /// <summary>Whether ticks may interleave with requests at await points.</summary>
    public bool Interleave { get; init; }

    /// <summary>Whether ticks count as activity, keeping the grain from idle collection.</summary>
    public bool KeepAlive { get; init; }
}
