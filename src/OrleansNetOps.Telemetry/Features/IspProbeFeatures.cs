using Orleans;

namespace OrleansNetOps.Telemetry.Features;

/// <summary>Probe statistics towards one ISP over the feature window.</summary>
/// <param name="Isp">ISP name from the path key, e.g. <c>ISP-A</c>.</param>
/// <param name="AvgLatencyMs">Mean latency, or null without samples.</param>
/// <param name="MaxLatencyMs">Worst latency, or null.</param>
/// <param name="AvgLossPct">Mean loss in percent, or null.</param>
/// <param name="MaxLossPct">Worst loss in percent, or null.</param>
/// <param name="Samples">Latency and loss samples used.</param>
[GenerateSerializer, Immutable]
public sealed record IspProbeFeatures(string Isp, double? AvgLatencyMs, double? MaxLatencyMs, double? AvgLossPct, double? MaxLossPct, int Samples);
