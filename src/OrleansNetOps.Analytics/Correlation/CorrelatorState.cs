using System.Collections.Immutable;

namespace OrleansNetOps.Analytics.Correlation;

/// <summary>Everything a <see cref="Correlator"/> needs to carry on after a restart, as plain data.</summary>
/// <param name="Open">Open candidates, oldest first.</param>
/// <param name="RecentFindingIds">Ids of findings already seen, oldest first.</param>
public sealed record CorrelatorState(ImmutableArray<IncidentCandidate> Open, ImmutableArray<string> RecentFindingIds);
