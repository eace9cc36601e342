using OrleansNetOps.Analytics.Correlation;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Grains.Actions;

namespace OrleansNetOps.Grains.Incidents;

/// <summary>
/// One incident (key: its id, <c>inc-</c> and the hex of the correlator candidate it was opened from): lifecycle
/// open → acknowledged → mitigating → resolved → closed, the findings that share its cause, the root-cause hypothesis,
/// and the action it proposed.
/// </summary>
public interface IIncidentGrain : IGrainWithStringKey
{
    /// <summary>A finding the correlator put in this incident's candidate; opens the incident on the first.</summary>
    /// <param name="domain">The coordinator domain.</param>
    /// <param name="candidate">The candidate after the finding joined it.</param>
    /// <param name="finding">The finding.</param>
    Task ObserveAsync(string domain, IncidentCandidate candidate, Finding finding);

    /// <summary>The candidate was merged into another one's: this incident closes, pointing at that one.</summary>
    /// <param name="survivor">The incident that carries on.</param>
    Task MergedAsync(string survivor);

    /// <summary>The incident in the API's shape (with its timeline when asked); null when there is none.</summary>
    Task<string?> GetAsync(bool timeline);

    /// <summary>An operator takes it on (open → acknowledged; a mitigating incident keeps its state and records who).</summary>
    /// <returns>200 with the incident; 404 unknown; 409 when already acknowledged, resolved or closed.</returns>
    Task<ActionReply> AcknowledgeAsync(string by, string? comment);
}
