using OrleansNetOps.Governance.Tiers;

namespace OrleansNetOps.Governance.RateLimits;

/// <summary>One change that executed.</summary>
/// <param name="At">When it was let through.</param>
/// <param name="Tier">Its tier.</param>
/// <param name="ActionId">Which action.</param>
public sealed record RateLimitEntry(DateTimeOffset At, Tier Tier, string ActionId);
