using System.Collections.Immutable;

namespace OrleansNetOps.Analytics.Anomaly;

/// <summary>The persisted form of the spectral-residual detector's window.</summary>
/// <param name="Recent">The last points, oldest first.</param>
/// <param name="Seen">Points seen in all.</param>
public sealed record SpectralWindowState(ImmutableArray<double> Recent, long Seen);
