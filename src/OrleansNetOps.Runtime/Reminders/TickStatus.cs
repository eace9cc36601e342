namespace OrleansNetOps.Runtime;

/// <summary>Where a reminder tick sits in its schedule.</summary>
/// <param name="FirstTickTime">When the first tick was due.</param>
/// <param name="Period">The reminder's period.</param>
/// <param name="CurrentTickTime">When this tick was due.</param>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);
