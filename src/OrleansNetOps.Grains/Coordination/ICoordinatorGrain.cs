namespace OrleansNetOps.Grains.Coordination;

/// <summary>
/// The coordinator of one domain (key: the domain): the list of its actions, exclusive leases on router/policy
/// objects, the autonomy controls with the kill switch, the rate limits every execution passes through, and the guardrails.
/// </summary>
public interface ICoordinatorGrain : IGrainWithStringKey
{
    /// <summary>Adds an action to the domain's list (idempotent).</summary>
    Task RegisterAsync(string actionId);

    /// <summary>The domain's actions, oldest first.</summary>
    Task<IReadOnlyList<string>> ActionIdsAsync();

    /// <summary>Autonomy and rate limits now, for a decision.</summary>
    Task<GovernanceSnapshot> GovernanceAsync();

    /// <summary>The guardrails in force in the domain.</summary>
    Task<GuardrailsText> PolicyAsync();

    /// <summary>
    /// The one way the domain's guardrails change: the text is validated whole and the attempt audited once as a
    /// <c>policy</c> record (ACCEPTED or REJECTED); an accepted text replaces the policy and its version goes up. The
    /// text in force already is a no-op (nothing audited), as is a start-up file the cluster has seen before.
    /// </summary>
    Task<GuardrailsChangeAnswer> ChangePolicyAsync(GuardrailsChangeRequest request);

    /// <summary>
    /// Adds an action's outcome to its scope's track record (once per action and source); a record that leaves the
    /// guardrails' demotion bounds demotes the scope to passive, audited by <c>system</c> with the numbers. Returns the
    /// autonomy controls in the API's shape.
    /// </summary>
    Task<string> RecordOutcomeAsync(OutcomeReport report);

    /// <summary>
    /// Evaluates the execution gate for a decision (and its approval request) with the state now; takes the rate-limit
    /// slot on Proceed. With a <c>QueueClaim</c> (JSON): an action the rate limit holds back joins the queue, and a new
    /// slot goes to no action while one that ranks ahead of it waits for a slot.
    /// </summary>
    Task<GateAnswer> GateAsync(string decisionJson, string? requestJson, string? claimJson = null);

    /// <summary>
    /// Grants (or renews) every object to the holder, or none of them. With a <c>QueueClaim</c> (JSON): a holder refused
    /// joins the queue, and a free object goes to no holder while one that ranks ahead of it waits for that object.
    /// </summary>
    Task<LeaseAnswer> AcquireAsync(string holder, string[] objects, TimeSpan ttl, string? claimJson = null);

    /// <summary>
    /// The actions waiting at their execute step for a lease or a rate-limit slot, in the order they will go (severity,
    /// service impact, spare capacity, age): <c>[{ position, actionId, severity, serviceImpact, spareCapacity, since, waitingFor }]</c>.
    /// </summary>
    Task<string> QueueAsync();

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
