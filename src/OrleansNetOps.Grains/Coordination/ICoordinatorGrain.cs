namespace OrleansNetOps.Grains.Coordination;

/// <summary>
/// The coordinator of one domain (key: the domain): the list of its actions, exclusive leases on router/policy
/// objects, the autonomy controls with the kill switch, and the rate limits every execution passes through.
/// </summary>
public interface ICoordinatorGrain : IGrainWithStringKey
{
    /// <summary>Adds an action to the domain's list (idempotent).</summary>
    Task RegisterAsync(string actionId);

    /// <summary>The domain's actions, oldest first.</summary>
    Task<IReadOnlyList<string>> ActionIdsAsync();

    /// <summary>Autonomy and rate limits now, for a decision.</summary>
    Task<GovernanceSnapshot> GovernanceAsync();

    /// <summary>Evaluates the execution gate for a decision (and its approval request) with the state now; takes the rate-limit slot on Proceed.</summary>
    Task<GateAnswer> GateAsync(string decisionJson, string? requestJson);

    /// <summary>Grants (or renews) every object to the holder, or none of them.</summary>
    Task<LeaseAnswer> AcquireAsync(string holder, string[] objects, TimeSpan ttl);

    /// <summary>Releases everything the holder has.</summary>
    Task ReleaseAsync(string holder);

    /// <summary>Leases now (expired ones dropped).</summary>
    Task<IReadOnlyList<Lease>> LeasesAsync();

    /// <summary>The autonomy controls in the API's shape (<c>{ phase, killSwitch, scopes }</c>).</summary>
    Task<string> AutonomyAsync();

    /// <summary>Changes the autonomy controls (audited); returns the API shape.</summary>
    /// <exception cref="ArgumentException">An unknown phase.</exception>
    Task<string> SetAutonomyAsync(AutonomyUpdate update);
}
