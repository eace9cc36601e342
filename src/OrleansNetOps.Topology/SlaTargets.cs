namespace OrleansNetOps.Topology;

/// <summary>Service-level targets for paths through the network.</summary>
/// <param name="LatencyMs">Highest acceptable latency.</param>
/// <param name="LossPct">Highest acceptable loss, in percent.</param>
public sealed record SlaTargets(double LatencyMs, double LossPct);
