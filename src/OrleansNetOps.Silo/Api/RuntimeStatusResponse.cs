using OrleansNetOps.Runtime;

namespace OrleansNetOps.Silo.Api;

/// <summary>The body of <c>GET /api/v1/runtime</c>.</summary>
/// <param name="Running">Whether the silo runs.</param>
/// <param name="Metrics">The runtime's counters now.</param>
/// <param name="CallsPerSecond">Grain calls per second since the previous sample; null for the first sample.</param>
/// <param name="SampleWindowSeconds">The time between the previous sample and this one; null for the first.</param>
internal sealed record RuntimeStatusResponse(bool Running, RuntimeMetricsSnapshot Metrics, double? CallsPerSecond, double? SampleWindowSeconds);
