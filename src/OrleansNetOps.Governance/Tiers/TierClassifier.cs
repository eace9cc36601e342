namespace OrleansNetOps.Governance.Tiers;

/// <summary>Tiers from blast radius, confidence and the action; escalation by violations. Nothing here lowers a tier.</summary>
public static class TierClassifier
{
    /// <summary>
    /// The tier before violations: T1 when the plan fits <see cref="TierPolicy.T1"/>, T2 when it fits
    /// <see cref="TierPolicy.T2"/>, else T3; actions in <see cref="TierPolicy.AlwaysT3"/> are T3.
    /// </summary>
    /// <param name="blast">Blast radius in [0, 1]; an unknown blast radius is 1.</param>
    /// <param name="confidence">Confidence in [0, 1].</param>
    /// <param name="action">Catalogue name.</param>
    /// <param name="policy">The bounds.</param>
    public static Tier Base(double blast, double confidence, string action, TierPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.AlwaysT3.Contains(action, StringComparer.Ordinal) || double.IsNaN(blast) || double.IsNaN(confidence))
        {
            return Tier.T3;
        }

        return policy.T1.Admits(blast, confidence) ? Tier.T1
            : policy.T2.Admits(blast, confidence) ? Tier.T2
            : Tier.T3;
    }

    /// <summary>Raises a tier by <paramref name="steps"/>, stopping at T3; negative steps do nothing.</summary>
    public static Tier Escalate(Tier tier, int steps) => (Tier)Math.Min((int)Tier.T3, (int)tier + Math.Max(0, steps));

    /// <summary>The higher of two tiers.</summary>
    public static Tier Max(Tier a, Tier b) => a >= b ? a : b;
}
