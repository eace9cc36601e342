namespace OrleansNetOps.Grains.Coordination;

/// <summary>The coordinator's governance state: autonomy and rate limits as JSON (<see cref="DecisionJson"/>), and the guardrails in force.</summary>
/// <param name="AutonomyJson">An <c>AutonomyState</c>.</param>
/// <param name="RateLimitsJson">A <c>RateLimitState</c>.</param>
/// <param name="Policy">The guardrails (read them with <see cref="GuardrailsSource.Resolve"/>).</param>
[GenerateSerializer, Immutable]
public sealed record GovernanceSnapshot(string AutonomyJson, string RateLimitsJson, GuardrailsText Policy);
