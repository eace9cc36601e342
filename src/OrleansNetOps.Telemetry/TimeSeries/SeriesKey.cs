namespace OrleansNetOps.Telemetry.TimeSeries;

/// <summary>Identifies a series: a router and an OpenConfig-style path (keys included, e.g. <c>/probes/isp[name=ISP-A]/latency-ms</c>).</summary>
/// <param name="Router">Router id.</param>
/// <param name="Path">Metric path, as written.</param>
public sealed record SeriesKey(string Router, string Path);
