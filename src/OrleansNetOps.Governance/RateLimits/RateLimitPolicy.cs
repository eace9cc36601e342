using OrleansNetOps.Governance.Tiers;

namespace OrleansNetOps.Governance.RateLimits;

/// <summary>The <c>rateLimits</c> section: how many changes may execute in any rolling window (SPEC §4: 10 per minute, of them at most 6 T1 and 3 T2).</summary>
public sealed record RateLimitPolicy
{
    /// <summary>The rolling window.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Changes of any tier per window.</summary>
    public int Overall { get; init; } = 10;

    /// <summary>T1 changes per window; null for no limit of its own.</summary>
    public int? T1 { get; init; } = 6;

    /// <summary>T2 changes per window; null for no limit of its own.</summary>
    public int? T2 { get; init; } = 3;

    /// <summary>T3 changes per window; null (the default) for no limit of its own (they still count in <see cref="Overall"/>).</summary>
    public int? T3 { get; init; }

    /// <summary>The tier's own limit, if any.</summary>
    public int? LimitFor(Tier tier) => tier switch
    {
        Tier.T1 => T1,
        Tier.T2 => T2,
        _ => T3,
    };
}
