namespace OrleansNetOps.Telemetry.Metrics;

/// <summary>One sample line of the Prometheus text exposition format.</summary>
/// <param name="Name">Metric name (including any <c>_bucket</c>/<c>_sum</c>/<c>_count</c> suffix).</param>
/// <param name="Labels">Labels in the order written, escapes resolved.</param>
/// <param name="Value">Value; NaN and ±Inf are allowed.</param>
/// <param name="Timestamp">Optional sample time (milliseconds since the epoch on the wire).</param>
/// <param name="Offset">Byte offset of the sample's line from the start of the body, so a caller can say which line it refuses.</param>
public sealed record PrometheusSample(string Name, IReadOnlyList<KeyValuePair<string, string>> Labels, double Value, DateTimeOffset? Timestamp, long Offset)
{
    /// <summary>Value of a label, or null.</summary>
    public string? this[string label] => Labels.FirstOrDefault(l => l.Key == label).Value;
}
