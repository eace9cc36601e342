using OrleansNetOps.Analytics.Anomaly;

namespace OrleansNetOps.Grains.Analysis;

/// <summary>What a metric path measures, from its last element (the names API.md uses for probes and utilisation).</summary>
internal static class SeriesKinds
{
    public static MetricKind Of(string path)
    {
        var leaf = path[(path.LastIndexOf('/') + 1)..];
        return leaf switch
        {
            "latency-ms" => MetricKind.LatencyMs,
            "loss-pct" => MetricKind.LossPercent,
            // CPU "utilization" is a percentage too, but not one that congests a link.
            "utilisation-pct" or "utilization-pct" or "utilisation" or "utilization" when !path.StartsWith("/system/", StringComparison.Ordinal) => MetricKind.UtilisationPercent,
            _ => MetricKind.Other,
        };
    }
}
