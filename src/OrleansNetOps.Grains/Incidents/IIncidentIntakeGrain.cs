using System.Collections.Immutable;
using OrleansNetOps.Analytics.Correlation;
using OrleansNetOps.Analytics.Findings;

namespace OrleansNetOps.Grains.Incidents;

/// <summary>
/// The incident intake of one domain (key: the domain): the domain's correlator tells it what each finding did to the
/// incident candidates, and it opens, feeds and merges the incidents those candidates stand for; it indexes the
/// domain's incidents.
/// </summary>
public interface IIncidentIntakeGrain : IGrainWithStringKey
{
    /// <summary>A finding the correlator grouped.</summary>
    /// <param name="finding">The finding.</param>
    /// <param name="holder">The candidate that holds it after the correlation (null when the correlator dropped it).</param>
    /// <param name="merged">Candidates the finding showed to share another one's cause, each naming the survivor.</param>
    Task CorrelatedAsync(Finding finding, IncidentCandidate? holder, ImmutableArray<IncidentCandidate> merged);

    /// <summary>The domain's incident ids, newest first.</summary>
    Task<IReadOnlyList<string>> IncidentIdsAsync();
}
