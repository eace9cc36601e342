namespace OrleansNetOps.Analytics.Bgp;

/// <summary>Limits and thresholds of <see cref="OriginMonitor"/>.</summary>
public sealed record OriginMonitorOptions
{
    /// <summary>The defaults: room for two full tables, eight origins remembered per prefix, no probation.</summary>
    public static OriginMonitorOptions Default { get; } = new();

    /// <summary>Most prefixes tracked; beyond it new prefixes are counted, not tracked (memory stays bounded).</summary>
    public int MaxPrefixes { get; init; } = 2_500_000;

    /// <summary>Most origins remembered per prefix; the least recently seen is forgotten first.</summary>
    public int MaxOriginsPerPrefix { get; init; } = 8;

    /// <summary>How long a prefix must have been seen before a new origin for it counts as a possible hijack (zero: at once).</summary>
    public TimeSpan MinimumKnownAge { get; init; } = TimeSpan.Zero;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad value.</summary>
    public OriginMonitorOptions Validate()
    {
        if (MaxPrefixes < 1)
        {
            throw new ArgumentException($"origin monitor MaxPrefixes must be positive, is {MaxPrefixes}", nameof(MaxPrefixes));
        }

        if (MaxOriginsPerPrefix < 2)
        {
            throw new ArgumentException($"origin monitor MaxOriginsPerPrefix must be at least 2 to see a second origin, is {MaxOriginsPerPrefix}", nameof(MaxOriginsPerPrefix));
        }

        if (MinimumKnownAge < TimeSpan.Zero)
        {
            throw new ArgumentException($"origin monitor MinimumKnownAge must not be negative, is {MinimumKnownAge}", nameof(MinimumKnownAge));
        }

        return this;
    }
}
