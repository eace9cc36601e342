using System.Collections.Immutable;

namespace OrleansNetOps.Analytics.Anomaly;

/// <summary>The persisted form of a detector's learned distribution (see <see cref="SeriesAnomalyScorer"/>).</summary>
/// <param name="Counts">Decayed counts per log-spaced bin, in <paramref name="Unit"/>s (trailing empty bins omitted).</param>
/// <param name="Total">Decayed total weight, in <paramref name="Unit"/>s.</param>
/// <param name="Unit">The weight of the newest value (older ones weigh less; counts divided by it are values).</param>
/// <param name="Observations">Values seen, undecayed (for the warm-up).</param>
public sealed record TailModelState(ImmutableArray<double> Counts, double Total, double Unit, long Observations);
