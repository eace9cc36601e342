namespace OrleansNetOps.Grains.Coordination;

/// <summary>The coordinator's governance state as JSON (<see cref="DecisionJson"/>): autonomy and rate limits.</summary>
/// <param name="AutonomyJson">An <c>AutonomyState</c>.</param>
/// <param name="RateLimitsJson">A <c>RateLimitState</c>.</param>
[GenerateSerializer, Immutable]
public sealed record GovernanceSnapshot(string AutonomyJson, string RateLimitsJson);
