namespace OrleansNetOps.Governance.Priority;

/// <summary>What one action in a coordinator's queue brings to the ordering (SPEC §3).</summary>
/// <param name="ActionId">The action.</param>
/// <param name="Severity">The severity of the problem it answers: <c>info</c>, <c>minor</c>, <c>major</c> or <c>critical</c>.</param>
/// <param name="ServiceImpact">How much of the service the problem touches, 0..1 (the share of our routers involved).</param>
/// <param name="SpareCapacity">Headroom left where it acts, 0..1 (1 − the highest ISP utilisation the twin predicts); null when no traffic was measured.</param>
/// <param name="Since">When it joined the queue: among equals, the older goes first.</param>
public sealed record QueueClaim(string ActionId, string Severity, double ServiceImpact, double? SpareCapacity, DateTimeOffset Since);
