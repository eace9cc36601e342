using OrleansNetOps.Governance.RateLimits;

namespace OrleansNetOps.Governance.Decisions;

/// <summary>The gate's answer.</summary>
/// <param name="Outcome">Proceed, wait or refuse.</param>
/// <param name="Reason">Why.</param>
/// <param name="RetryAt">For a full rate limit: when a slot frees.</param>
/// <param name="RateLimits">The rate-limit state after (with this action's slot when it proceeds); persist it.</param>
public sealed record GateResult(GateOutcome Outcome, string Reason, DateTimeOffset? RetryAt, RateLimitState RateLimits);
