namespace OrleansNetOps.Analytics.Anomaly;

/// <summary>What a series measures, which decides the fixed floor that applies to it (see <see cref="AnomalyFloors"/>).</summary>
public enum MetricKind
{
    /// <summary>Anything without a fixed floor (CPU, memory, RIB size, update rate …): baseline anomalies only.</summary>
    Other,

    /// <summary>Probe latency in milliseconds.</summary>
    LatencyMs,

    /// <summary>Probe loss in percent (0–100).</summary>
    LossPercent,

    /// <summary>Link or ISP utilisation in percent (0–100).</summary>
    UtilisationPercent,
}
