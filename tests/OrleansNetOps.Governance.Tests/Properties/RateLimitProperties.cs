using CsCheck;
using OrleansNetOps.Governance.RateLimits;
using OrleansNetOps.Governance.Tiers;

namespace OrleansNetOps.Governance.Tests.Properties;

public sealed class RateLimitProperties
{
    private static readonly Gen<RateLimitPolicy> Policies = Gen.OneOf(
        new RateLimitPolicy(),
        new RateLimitPolicy { Window = TimeSpan.FromSeconds(10), Overall = 4, T1 = 2, T2 = 1, T3 = 1 },
        new RateLimitPolicy { Overall = 3, T1 = null, T2 = 5 });

    private static readonly Gen<Tier> Tiers = Gen.OneOf(Tier.T1, Tier.T2, Tier.T3);

    // Every window of the policy's length that ends at an admitted change holds no more than each limit.
    private static void AssertEveryWindowHolds(IReadOnlyList<RateLimitEntry> admitted, RateLimitPolicy policy)
    {
        foreach (var end in admitted)
        {
            var inside = admitted.Where(e => e.At > end.At - policy.Window && e.At <= end.At).ToList();
            Assert.True(inside.Count <= policy.Overall, $"{inside.Count} changes in the window ending {end.At:O}");
            foreach (var tier in new[] { Tier.T1, Tier.T2, Tier.T3 })
            {
                if (policy.LimitFor(tier) is { } limit)
                {
                    Assert.True(inside.Count(e => e.Tier == tier) <= limit, $"{tier} over {limit} in the window ending {end.At:O}");
                }
            }
        }
    }

    [Fact]
    public void Every_rolling_window_holds_its_limits()
    {
        var attempts = Gen.Select(Gen.Int[0, 20_000], Tiers).Array[1, 80];
        Gen.Select(Policies, attempts).Sample((policy, steps) =>
        {
            var state = RateLimitState.Empty;
            var now = Plans.Noon;
            var admitted = new List<RateLimitEntry>();
            for (var i = 0; i < steps.Length; i++)
            {
                now = now.AddMilliseconds(steps[i].Item1);
                var (check, next) = RateLimiter.TryAcquire(state, steps[i].Item2, $"a{i}", now, policy);
                if (check.Allowed)
                {
                    admitted.Add(new RateLimitEntry(now, steps[i].Item2, $"a{i}"));
                    Assert.Contains(next.Entries, e => e.ActionId == $"a{i}" && e.At == now);
                }
                else
                {
                    Assert.Same(state, next);
                    Assert.NotNull(check.RetryAt);
                    Assert.True(check.RetryAt > now);
                    // At RetryAt, with nothing else let through, it fits.
                    Assert.True(RateLimiter.Check(state, steps[i].Item2, check.RetryAt!.Value, policy).Allowed);
                }

                state = next;
            }

            AssertEveryWindowHolds(admitted, policy);
        }, iter: 5_000);
    }

    [Fact]
    public void Out_of_order_times_within_a_window_still_keep_every_window_within_its_limits()
    {
        var attempts = Gen.Select(Gen.Int[0, 15_000], Gen.Int[-9_000, 0], Tiers).Array[1, 80];
        Gen.Select(Policies, attempts).Sample((policy, steps) =>
        {
            var state = RateLimitState.Empty;
            var clock = Plans.Noon;
            var admitted = new List<RateLimitEntry>();
            for (var i = 0; i < steps.Length; i++)
            {
                clock = clock.AddMilliseconds(steps[i].Item1);
                // A silo whose clock is behind by less than the shortest window.
                var now = clock.AddMilliseconds(steps[i].Item2);
                var (check, next) = RateLimiter.TryAcquire(state, steps[i].Item3, $"a{i}", now, policy);
                if (check.Allowed)
                {
                    admitted.Add(new RateLimitEntry(now, steps[i].Item3, $"a{i}"));
                }

                state = next;
            }

            AssertEveryWindowHolds(admitted.OrderBy(e => e.At).ToList(), policy);
        }, iter: 5_000);
    }
}
