using OrleansNetOps.Grains.Twin;
using OrleansNetOps.Twin.Drift;

namespace OrleansNetOps.Silo.Twin;

/// <summary><c>GET /api/v1/twin/drift</c>: where the twin and the routers disagree.</summary>
/// <param name="Baseline">The twin baseline compared.</param>
/// <param name="Differences">One entry per router and prefix that differs.</param>
public sealed record DriftResponse(TwinBaselineInfo Baseline, IReadOnlyList<DriftEntry> Differences);
