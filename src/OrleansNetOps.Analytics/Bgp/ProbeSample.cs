namespace OrleansNetOps.Analytics.Bgp;

/// <summary>
/// One measurement of the path from one of our routers through an ISP (the <c>/probes/isp[name=…]/…</c> series). Any
/// of the three values may be missing: they often arrive as separate series.
/// </summary>
/// <param name="At">When it was measured.</param>
/// <param name="Router">The probing router.</param>
/// <param name="Isp">The ISP probed through, by topology id.</param>
/// <param name="LatencyMs">Round-trip latency; null when no reply came back.</param>
/// <param name="LossPct">Loss in percent, 0–100.</param>
/// <param name="JitterMs">Jitter, if the probe measures it; otherwise derived from successive latencies.</param>
public sealed record ProbeSample(DateTimeOffset At, string Router, string Isp, double? LatencyMs, double? LossPct, double? JitterMs = null);
