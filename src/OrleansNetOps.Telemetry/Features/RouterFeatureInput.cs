using OrleansNetOps.Telemetry.TimeSeries;

namespace OrleansNetOps.Telemetry.Features;

/// <summary>Everything feature extraction reads for one router.</summary>
/// <param name="Router">Router id.</param>
/// <param name="From">Window start.</param>
/// <param name="To">Window end.</param>
/// <param name="Series">Raw points of the window, by metric path.</param>
/// <param name="PeersTotal">BGP sessions known.</param>
/// <param name="PeersEstablished">BGP sessions established.</param>
/// <param name="Previous">An earlier BGP activity reading, for churn and update rates; null when there is none yet.</param>
/// <param name="Current">The BGP activity now.</param>
public sealed record RouterFeatureInput(
    string Router,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyDictionary<string, IReadOnlyList<MetricPoint>> Series,
    int PeersTotal,
    int PeersEstablished,
    BgpActivitySample? Previous,
    BgpActivitySample Current);
