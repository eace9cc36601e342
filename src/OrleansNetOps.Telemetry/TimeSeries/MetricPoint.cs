namespace OrleansNetOps.Telemetry.TimeSeries;

/// <summary>A raw point of a series.</summary>
/// <param name="Time">When it was measured.</param>
/// <param name="Value">The value.</param>
public readonly record struct MetricPoint(DateTimeOffset Time, double Value);
