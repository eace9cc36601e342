using Orleans;

namespace OrleansNetOps.Twin.Sla;

/// <summary>Measured quality of one ISP (probes); absent values default to the topology latency and 0 % loss.</summary>
/// <param name="Isp">ISP id.</param>
/// <param name="LatencyMs">Latency.</param>
/// <param name="LossPct">Loss in percent.</param>
[GenerateSerializer, Immutable]
public sealed record IspMeasurement(string Isp, double? LatencyMs = null, double? LossPct = null);
