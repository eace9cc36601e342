using OrleansNetOps.Analytics.Findings;

namespace OrleansNetOps.Analytics.Anomaly;

/// <summary>A metric series of one router, as the collectors key it.</summary>
/// <param name="Router">Router id (topology).</param>
/// <param name="Path">The metric's path, e.g. <c>/interfaces/interface[name=eth0]/state/utilization</c> or <c>/probes/ISP-A/latency</c>.</param>
/// <param name="Kind">What it measures (decides its fixed floor).</param>
public sealed record MetricSeries(string Router, string Path, MetricKind Kind)
{
    /// <summary>The finding subject of the series: <c>series:R1|path</c>.</summary>
    public FindingSubject Subject => new(SubjectKind.Series, $"{Router}|{Path}");
}
