using System.Collections.Immutable;
using OrleansNetOps.Analytics.Findings;

namespace OrleansNetOps.Analytics.Anomaly;

/// <summary>What a <see cref="SeriesAnalyst"/> made of one point.</summary>
/// <param name="Point">The anomaly verdict.</param>
/// <param name="Findings">Findings raised at this point (a metric anomaly, a threshold breach, both or none).</param>
public sealed record SeriesVerdict(AnomalyPoint Point, ImmutableArray<Finding> Findings);
