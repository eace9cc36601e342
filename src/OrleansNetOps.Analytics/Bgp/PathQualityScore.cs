namespace OrleansNetOps.Analytics.Bgp;

/// <summary>
/// How good the path through an ISP is, in [0, 1]: the product of four parts, each the share of headroom left before
/// its limit (latency between the typical value and the SLA, loss, jitter, route churn). A part with no data counts as 1.
/// </summary>
/// <param name="At">As of when.</param>
/// <param name="Router">The probing router; null for an ISP's score over all routers.</param>
/// <param name="Isp">The ISP.</param>
/// <param name="Quality">The score: 1 perfect, 0 unusable.</param>
/// <param name="LatencyMs">Mean latency in the window, if any reply came.</param>
/// <param name="LossPct">Mean loss in the window.</param>
/// <param name="JitterMs">Jitter in the window.</param>
/// <param name="ChurnPerMinute">Prefix updates per minute from the ISP in the window.</param>
/// <param name="TypicalLatencyMs">The latency the latency part counts from (learned, or the ISP's configured latency).</param>
/// <param name="Samples">Probe samples in the window.</param>
public sealed record PathQualityScore(
    DateTimeOffset At,
    string? Router,
    string Isp,
    double Quality,
    double? LatencyMs,
    double? LossPct,
    double? JitterMs,
    double ChurnPerMinute,
    double TypicalLatencyMs,
    int Samples)
{
    /// <summary>Latency part.</summary>
    public double LatencyPart { get; init; } = 1;

    /// <summary>Loss part.</summary>
    public double LossPart { get; init; } = 1;

    /// <summary>Jitter part.</summary>
    public double JitterPart { get; init; } = 1;

    /// <summary>Churn part.</summary>
    public double ChurnPart { get; init; } = 1;
}
