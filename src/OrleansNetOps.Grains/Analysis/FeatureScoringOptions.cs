using OrleansNetOps.Analytics.Multivariate;

namespace OrleansNetOps.Grains.Analysis;

/// <summary>
/// How a router's analyst scores its feature vector: how often the vector is built from the router's series and BGP
/// view, and how the multivariate scorer learns. A silo without this registered uses the defaults.
/// </summary>
public sealed record FeatureScoringOptions
{
    /// <summary>The defaults: one vector a minute, the scorer's own defaults (a window of 1,000 vectors).</summary>
    public static FeatureScoringOptions Default { get; } = new();

    /// <summary>Time between vectors (each covers the time since the previous one).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The scorer's learning and raise levels.</summary>
    public MultivariateOptions Scorer { get; init; } = new();
}
