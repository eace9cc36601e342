namespace OrleansNetOps.Governance.RateLimits;

/// <summary>Whether one more change of a tier fits now.</summary>
/// <param name="Allowed">True when it fits.</param>
/// <param name="RetryAt">When it is refused: the earliest time it would fit if nothing else executes.</param>
/// <param name="Reason">Which limit binds (or that none does).</param>
public sealed record RateLimitCheck(bool Allowed, DateTimeOffset? RetryAt, string Reason);
