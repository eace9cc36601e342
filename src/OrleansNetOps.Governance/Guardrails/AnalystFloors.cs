namespace OrleansNetOps.Governance.Guardrails;

/// <summary>
/// The <c>floors</c> section: the seed's fixed thresholds, kept as floors under the learned baselines (SPEC §3). An
/// analyst reports a value beyond a floor even when its baseline thinks it normal; governance uses the utilisation
/// floor to escalate plans that push an ISP past it.
/// </summary>
public sealed record AnalystFloors
{
    /// <summary>Latency (ms) above which a probe is worth a finding.</summary>
    public double LatencyMs { get; init; } = 30;

    /// <summary>Loss (percent).</summary>
    public double LossPct { get; init; } = 0.5;

    /// <summary>Interface or ISP utilisation (percent).</summary>
    public double UtilisationPct { get; init; } = 85;

    /// <summary>Anomaly score from which a finding is high.</summary>
    public double AnomalyHigh { get; init; } = 0.6;

    /// <summary>Anomaly score from which a finding is critical.</summary>
    public double AnomalyCritical { get; init; } = 0.85;
}
