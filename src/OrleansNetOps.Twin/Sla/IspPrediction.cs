using Orleans;

namespace OrleansNetOps.Twin.Sla;

/// <summary>Predicted load and quality of one ISP before and after a what-if.</summary>
/// <param name="Isp">ISP id.</param>
/// <param name="UtilisationBefore">Share of capacity (0..1, above 1 is overload) before.</param>
/// <param name="UtilisationAfter">After.</param>
/// <param name="LatencyMs">Latency (measured, else the topology's).</param>
/// <param name="LossPct">Predicted loss after: measured loss plus the overload share that cannot fit.</param>
/// <param name="CostPerHourBefore">Transit cost per hour before.</param>
/// <param name="CostPerHourAfter">After.</param>
[GenerateSerializer, Immutable]
public sealed record IspPrediction(string Isp, double UtilisationBefore, double UtilisationAfter, double LatencyMs, double LossPct,
    double CostPerHourBefore, double CostPerHourAfter);
