using OrleansNetOps.Governance.Tiers;

namespace OrleansNetOps.Governance.Autonomy;

/// <summary>What one phase lets each tier do.</summary>
/// <param name="T1">Mode of T1 changes.</param>
/// <param name="T2">Mode of T2 changes.</param>
/// <param name="T3">Mode of T3 changes (always <see cref="TierMode.Approve"/>: T3 is manual).</param>
public sealed record PhaseModes(TierMode T1, TierMode T2, TierMode T3)
{
    /// <summary>The mode of a tier.</summary>
    public TierMode For(Tier tier) => tier switch
    {
        Tier.T1 => T1,
        Tier.T2 => T2,
        _ => T3,
    };
}
