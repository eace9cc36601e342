using Orleans;

namespace OrleansNetOps.Twin.Sla;

/// <summary>The predicted time until the network is quiescent again.</summary>
/// <param name="Hops">Deepest propagation chain, in sessions.</param>
/// <param name="DetectionMs">Time before the first router reacts.</param>
/// <param name="EstimateMs">Total estimate.</param>
[GenerateSerializer, Immutable]
public sealed record ConvergenceEstimate(int Hops, double DetectionMs, double EstimateMs);
