namespace OrleansNetOps.Telemetry.Metrics;

/// <summary>Metadata of a metric family from <c># HELP</c> and <c># TYPE</c> lines.</summary>
/// <param name="Name">Family name.</param>
/// <param name="Type">Declared type.</param>
/// <param name="Help">Help text with escapes resolved, or null.</param>
public sealed record PrometheusMetricFamily(string Name, PrometheusMetricType Type, string? Help);
