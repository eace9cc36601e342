using System.Collections.Immutable;
using OrleansNetOps.Governance.Tiers;

namespace OrleansNetOps.Governance.RateLimits;

/// <summary>
/// Rolling-window rate limits. A change counts against a check at time <c>t</c> when it executed strictly less than one
/// window away from <c>t</c>, on either side: with times that only move forward that is exactly "in the last minute",
/// and with times that arrive out of order by less than a window (several silos' clocks) every window of that length
/// still holds no more than its limits. Entries are kept for two windows after the newest one.
/// </summary>
public static class RateLimiter
{
    /// <summary>Whether a change of <paramref name="tier"/> fits at <paramref name="now"/>.</summary>
    public static RateLimitCheck Check(RateLimitState state, Tier tier, DateTimeOffset now, RateLimitPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(policy);
        var binding = Binding(state.Entries, tier, now, policy);
        if (binding.Count == 0)
        {
            return new RateLimitCheck(true, null, "within every limit");
        }

        return new RateLimitCheck(false, RetryAt(state.Entries, tier, now, policy), string.Join("; ", binding));
    }

    /// <summary>Lets a change through when it fits and records it; the state is unchanged when it does not.</summary>
    public static (RateLimitCheck Check, RateLimitState State) TryAcquire(RateLimitState state, Tier tier, string actionId, DateTimeOffset now, RateLimitPolicy policy)
    {
        var check = Check(state, tier, now, policy);
        if (!check.Allowed)
        {
            return (check, state);
        }

        var newest = state.Entries.Select(e => e.At).Append(now).Max();
        var kept = state.Entries.Where(e => e.At > newest - (2 * policy.Window)).ToImmutableArray();
        return (check, new RateLimitState { Entries = kept.Add(new RateLimitEntry(now, tier, actionId)) });
    }

    private static List<string> Binding(ImmutableArray<RateLimitEntry> entries, Tier tier, DateTimeOffset now, RateLimitPolicy policy)
    {
        var result = new List<string>();
        var near = entries.Where(e => Near(e.At, now, policy.Window)).ToList();
        if (near.Count >= policy.Overall)
        {
            result.Add($"{near.Count} changes in the last {Describe(policy.Window)} (limit {policy.Overall})");
        }

        if (policy.LimitFor(tier) is { } limit)
        {
            var ofTier = near.Count(e => e.Tier == tier);
            if (ofTier >= limit)
            {
                result.Add($"{ofTier} {tier} changes in the last {Describe(policy.Window)} (limit {limit})");
            }
        }

        return result;
    }

    // Candidates are the moments an entry leaves the window; the first that frees every binding limit is the answer.
    private static DateTimeOffset RetryAt(ImmutableArray<RateLimitEntry> entries, Tier tier, DateTimeOffset now, RateLimitPolicy policy)
    {
        foreach (var candidate in entries.Select(e => e.At + policy.Window).Where(t => t > now).Order())
        {
            if (Binding(entries, tier, candidate, policy).Count == 0)
            {
                return candidate;
            }
        }

        // Unreachable with a positive window: every entry eventually leaves it.
        return now + policy.Window;
    }

    private static bool Near(DateTimeOffset at, DateTimeOffset now, TimeSpan window) => (at - now).Duration() < window;

    private static string Describe(TimeSpan window) =>
        window == TimeSpan.FromMinutes(1) ? "minute" : $"{window.TotalSeconds:0.###} s";
}
