namespace OrleansNetOps.Grains.Analysis;

/// <summary>One metric point of a router, as the ingestion edge hands it to the router's analyst.</summary>
/// <param name="Path">The OpenConfig-style path, e.g. <c>/probes/isp[name=ISP-A]/latency-ms</c>.</param>
/// <param name="At">The point's time.</param>
/// <param name="Value">Its value.</param>
[GenerateSerializer, Immutable]
public sealed record AnalystMetric(string Path, DateTimeOffset At, double Value);
