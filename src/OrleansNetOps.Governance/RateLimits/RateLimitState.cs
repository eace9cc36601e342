using System.Collections.Immutable;

namespace OrleansNetOps.Governance.RateLimits;

/// <summary>The changes let through recently (persist it with the grain that owns the limit, e.g. the coordinator).</summary>
public sealed record RateLimitState
{
    /// <summary>No change yet.</summary>
    public static RateLimitState Empty { get; } = new();

    /// <summary>Changes still inside some window, oldest first.</summary>
    public ImmutableArray<RateLimitEntry> Entries { get; init; } = [];
}
