using OrleansNetOps.Analytics.Multivariate;
using OrleansNetOps.Telemetry.Features;

namespace OrleansNetOps.Grains.Analysis;

/// <summary>Puts a router's extracted features in the order the multivariate scorer's schema names them.</summary>
internal static class FeatureVectors
{
    /// <summary>
    /// The vector, in <paramref name="schema"/> order; NaN for what was not measured (no CPU series, no earlier BGP
    /// reading for the rates, no probes) and for names the extractor does not produce (memory), which the scorer places
    /// at the feature's median. Latency and loss are the worst ISP's, so one bad path shows.
    /// </summary>
    public static double[] Of(RouterFeatures features, RouterFeatureSchema schema)
    {
        var latency = features.Isps.Select(i => i.MaxLatencyMs).OfType<double>().DefaultIfEmpty(double.NaN).Max();
        var loss = features.Isps.Select(i => i.MaxLossPct).OfType<double>().DefaultIfEmpty(double.NaN).Max();
        return [.. schema.Features.Select(f => f.Name switch
        {
            "cpuPercent" => features.CpuUtilisation ?? double.NaN,
            "peersDown" => features.PeersDown,
            "ribSize" => features.RibSize,
            "prefixChurnPerMinute" => features.PrefixChurnPerMinute ?? double.NaN,
            "updatesPerSecond" => features.UpdatesPerSecond ?? double.NaN,
            "latencyMs" => latency,
            "lossPercent" => loss,
            _ => double.NaN,
        })];
    }

    /// <summary>Whether anything was measured at all: a router nobody reports on gives no vector to learn from.</summary>
    public static bool Measured(RouterFeatures features) =>
        features.PeersTotal > 0 || features.RibSize > 0 || features.CpuUtilisation is not null || features.Isps.Count > 0;
}
