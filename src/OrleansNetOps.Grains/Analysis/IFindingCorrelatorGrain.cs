using System.Collections.Immutable;
using OrleansNetOps.Analytics.Correlation;
using OrleansNetOps.Analytics.Findings;

namespace OrleansNetOps.Grains.Analysis;

/// <summary>
/// The correlator of one domain (key: the domain): reads the domain's findings stream, groups the findings into
/// incident candidates by cause, and answers what was found.
/// </summary>
public interface IFindingCorrelatorGrain : IGrainWithStringKey
{
    /// <summary>Recent findings, newest first, each with the cause its candidate names.</summary>
    /// <param name="query">Filters.</param>
    Task<ImmutableArray<Finding>> GetFindingsAsync(FindingQuery query);

    /// <summary>Open candidates, then the most recently closed, newest first.</summary>
    /// <param name="limit">At most this many.</param>
    Task<ImmutableArray<IncidentCandidate>> GetCandidatesAsync(int limit);
}
