using Orleans;

namespace OrleansNetOps.Twin.Sla;

/// <summary>The SLA view of a what-if.</summary>
/// <param name="PerIsp">Per-ISP prediction.</param>
/// <param name="Breaches">Human-readable breaches (latency or loss above the SLA on an ISP that carries traffic after).</param>
/// <param name="Convergence">Convergence estimate.</param>
[GenerateSerializer, Immutable]
public sealed record PredictedSla(IReadOnlyList<IspPrediction> PerIsp, IReadOnlyList<string> Breaches, ConvergenceEstimate Convergence);
