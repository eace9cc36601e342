using OrleansNetOps.Governance.Autonomy;
using OrleansNetOps.Governance.Guardrails;
using OrleansNetOps.Governance.RateLimits;

namespace OrleansNetOps.Governance.Decisions;

/// <summary>Everything a decision depends on besides the proposal: the policy, the run-time state and the time.</summary>
/// <param name="Policy">The guardrails in force.</param>
/// <param name="Autonomy">Kill switch, phases, demotions.</param>
/// <param name="RateLimits">Changes let through recently.</param>
/// <param name="Now">Now.</param>
public sealed record GovernanceContext(GovernancePolicy Policy, AutonomyState Autonomy, RateLimitState RateLimits, DateTimeOffset Now);
