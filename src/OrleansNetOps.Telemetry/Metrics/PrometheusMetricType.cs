namespace OrleansNetOps.Telemetry.Metrics;

/// <summary>Metric family type from a <c># TYPE</c> line.</summary>
public enum PrometheusMetricType
{
    /// <summary>No TYPE line, or <c>untyped</c>.</summary>
    Untyped,
    /// <summary>Monotonic counter.</summary>
    Counter,
    /// <summary>Gauge.</summary>
    Gauge,
    /// <summary>Histogram (<c>_bucket</c>, <c>_sum</c>, <c>_count</c> series).</summary>
    Histogram,
    /// <summary>Summary (quantile series plus <c>_sum</c>, <c>_count</c>).</summary>
    Summary,
}
