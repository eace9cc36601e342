using OrleansNetOps.Governance.RateLimits;
using OrleansNetOps.Governance.Tiers;

namespace OrleansNetOps.Governance.Tests;

public sealed class RateLimiterTests
{
    private static readonly RateLimitPolicy Spec = new();

    private static RateLimitState Run(IEnumerable<(int Second, Tier Tier)> changes)
    {
        var state = RateLimitState.Empty;
        var i = 0;
        foreach (var (second, tier) in changes)
        {
            var (check, next) = RateLimiter.TryAcquire(state, tier, $"a{i++}", Plans.Noon.AddSeconds(second), Spec);
            Assert.True(check.Allowed, check.Reason);
            state = next;
        }

        return state;
    }

    [Fact]
    public void Six_T1_changes_a_minute_then_the_seventh_waits_for_the_first_to_leave_the_window()
    {
        var state = Run(Enumerable.Range(0, 6).Select(i => (i * 5, Tier.T1)));
        var refused = RateLimiter.Check(state, Tier.T1, Plans.Noon.AddSeconds(30), Spec);
        Assert.False(refused.Allowed);
        Assert.Equal("6 T1 changes in the last minute (limit 6)", refused.Reason);
        Assert.Equal(Plans.Noon.AddSeconds(60), refused.RetryAt);
        Assert.False(RateLimiter.Check(state, Tier.T1, Plans.Noon.AddSeconds(59.999), Spec).Allowed);
        Assert.True(RateLimiter.Check(state, Tier.T1, Plans.Noon.AddSeconds(60), Spec).Allowed);
        Assert.True(RateLimiter.Check(state, Tier.T2, Plans.Noon.AddSeconds(30), Spec).Allowed);
    }

    [Fact]
    public void Three_T2_and_ten_overall_with_T3_counting_only_overall()
    {
        var state = Run(Enumerable.Range(0, 3).Select(i => (i, Tier.T2)).Concat(Enumerable.Range(3, 7).Select(i => (i, Tier.T3))));
        Assert.Equal("10 changes in the last minute (limit 10); 3 T2 changes in the last minute (limit 3)", RateLimiter.Check(state, Tier.T2, Plans.Noon.AddSeconds(10), Spec).Reason);
        var overall = RateLimiter.Check(state, Tier.T1, Plans.Noon.AddSeconds(10), Spec);
        Assert.Equal("10 changes in the last minute (limit 10)", overall.Reason);
        Assert.Equal(Plans.Noon.AddSeconds(60), overall.RetryAt);
        // The first change (a T2 at 0 s) leaves the window at 60 s and frees both limits.
        Assert.Equal(Plans.Noon.AddSeconds(60), RateLimiter.Check(state, Tier.T2, Plans.Noon.AddSeconds(10), Spec).RetryAt);
    }
}
