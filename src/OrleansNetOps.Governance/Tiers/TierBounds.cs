namespace OrleansNetOps.Governance.Tiers;

/// <summary>A plan fits a tier when its blast radius is at most <paramref name="MaxBlast"/> and its confidence at least <paramref name="MinConfidence"/>.</summary>
/// <param name="MaxBlast">Largest blast radius (0..1: the larger of the prefix and traffic shares that move).</param>
/// <param name="MinConfidence">Smallest confidence (0..1).</param>
public sealed record TierBounds(double MaxBlast, double MinConfidence)
{
    /// <summary>Whether a plan with this blast radius and confidence fits.</summary>
    public bool Admits(double blast, double confidence) => blast <= MaxBlast && confidence >= MinConfidence;
}
