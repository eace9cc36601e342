namespace OrleansNetOps.Analytics.Anomaly;

/// <summary>
/// The fixed floors the seed started from, kept beside the learned baselines: a metric beyond its floor is a
/// <c>threshold-breach</c> finding whatever its baseline says, and the anomaly levels place a score on the seed's
/// "high" and "critical" marks. Configured in <c>guardrails.yaml</c>; these are the seed's values.
/// </summary>
public sealed record AnomalyFloors
{
    /// <summary>Latency floor, ms (seed: 30).</summary>
    public double LatencyMs { get; init; } = 30;

    /// <summary>Latency at which a breach is critical, ms: the latency SLA (50).</summary>
    public double LatencyCriticalMs { get; init; } = 50;

    /// <summary>Loss floor, percent (seed: 0.5).</summary>
    public double LossPercent { get; init; } = 0.5;

    /// <summary>Loss at which a breach is critical, percent: the loss SLA (1).</summary>
    public double LossCriticalPercent { get; init; } = 1;

    /// <summary>Interface or ISP utilisation floor, percent (seed: 85); also the congestion forecasts' threshold.</summary>
    public double UtilisationPercent { get; init; } = 85;

    /// <summary>Utilisation at which a breach is critical, percent (saturation, 100).</summary>
    public double UtilisationCriticalPercent { get; init; } = 100;

    /// <summary>Anomaly score from which a finding is raised ("high"; seed: 0.6 — on <see cref="AnomalyScale"/>, once a week).</summary>
    public double AnomalyHigh { get; init; } = 0.6;

    /// <summary>Anomaly score from which a finding is critical (seed: 0.85 — once a year).</summary>
    public double AnomalyCritical { get; init; } = 0.85;

    /// <summary>The floor and critical level of a kind of metric, or null when it has no fixed floor.</summary>
    public (double Floor, double Critical)? For(MetricKind kind) => kind switch
    {
        MetricKind.LatencyMs => (LatencyMs, LatencyCriticalMs),
        MetricKind.LossPercent => (LossPercent, LossCriticalPercent),
        MetricKind.UtilisationPercent => (UtilisationPercent, UtilisationCriticalPercent),
        _ => null,
    };

    /// <summary>"critical", "high" or null for a score.</summary>
    public string? Severity(double score) => score >= AnomalyCritical ? "critical" : score >= AnomalyHigh ? "high" : null;
}
