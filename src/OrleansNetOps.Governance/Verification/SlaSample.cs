namespace OrleansNetOps.Governance.Verification;

/// <summary>Measured path quality at one moment (probes toward an ISP, or the service's own KPI).</summary>
/// <param name="LatencyMs">Latency in milliseconds.</param>
/// <param name="LossPct">Loss in percent (0..100).</param>
public sealed record SlaSample(double LatencyMs, double LossPct);
