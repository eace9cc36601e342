using System.Collections.Immutable;

namespace OrleansNetOps.Analytics.Multivariate;

/// <summary>The features of a router's vector, in order.</summary>
/// <param name="Features">The features.</param>
public sealed record RouterFeatureSchema(ImmutableArray<RouterFeature> Features)
{
    /// <summary>
    /// What the collectors extract per router: CPU and memory (percent), BGP sessions down, RIB size, prefix churn per
    /// minute, BMP updates per second, worst probe latency (ms) and loss (percent).
    /// </summary>
    public static RouterFeatureSchema Default { get; } = new(
    [
        new RouterFeature("cpuPercent", Logarithmic: false),
        new RouterFeature("memoryPercent", Logarithmic: false),
        new RouterFeature("peersDown", Logarithmic: false),
        new RouterFeature("ribSize", Logarithmic: true),
        new RouterFeature("prefixChurnPerMinute", Logarithmic: false),
        new RouterFeature("updatesPerSecond", Logarithmic: false),
        new RouterFeature("latencyMs", Logarithmic: false),
        new RouterFeature("lossPercent", Logarithmic: false),
    ]);

    /// <summary>The value a feature is scored on.</summary>
    public double Transform(int feature, double value) =>
        Features[feature].Logarithmic ? Math.Sign(value) * Math.Log(1 + Math.Abs(value)) : value;
}
