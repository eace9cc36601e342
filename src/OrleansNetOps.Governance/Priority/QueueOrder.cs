using System.Collections.Immutable;

namespace OrleansNetOps.Governance.Priority;

/// <summary>
/// The coordinator's priority (SPEC §3): higher severity first; then the larger service impact; then the action where
/// less capacity is spare (it is the closer to congestion, and a claim with no measurement counts as fully spare); then
/// the older claim; then the action id, so that the order is total and every silo computes the same one.
/// </summary>
public static class QueueOrder
{
    /// <summary>Severities from lowest to highest; an unknown name ranks below <c>info</c>.</summary>
    public static ImmutableArray<string> Severities { get; } = ["info", "minor", "major", "critical"];

    /// <summary>Orders claims: the first goes first.</summary>
    public static IComparer<QueueClaim> Comparer { get; } = Comparer<QueueClaim>.Create(Compare);

    /// <summary>Negative when <paramref name="a"/> goes before <paramref name="b"/>.</summary>
    public static int Compare(QueueClaim? a, QueueClaim? b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }

        if (a is null || b is null)
        {
            return a is null ? 1 : -1;
        }

        var order = Rank(b.Severity).CompareTo(Rank(a.Severity));
        if (order == 0)
        {
            order = Clamp(b.ServiceImpact).CompareTo(Clamp(a.ServiceImpact));
        }

        if (order == 0)
        {
            order = Spare(a).CompareTo(Spare(b));
        }

        if (order == 0)
        {
            order = a.Since.CompareTo(b.Since);
        }

        return order != 0 ? order : string.CompareOrdinal(a.ActionId, b.ActionId);
    }

    /// <summary>The claims in queue order.</summary>
    public static ImmutableArray<QueueClaim> Order(IEnumerable<QueueClaim> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return [.. claims.Order(Comparer)];
    }

    /// <summary>The claims among <paramref name="rivals"/> that go before <paramref name="claim"/> (itself excluded).</summary>
    public static ImmutableArray<QueueClaim> Ahead(QueueClaim claim, IEnumerable<QueueClaim> rivals)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(rivals);
        return Order(rivals.Where(r => r.ActionId != claim.ActionId && Compare(r, claim) < 0));
    }

    /// <summary>The rank of a severity name (case-insensitive): 0 for <c>info</c> up to 3 for <c>critical</c>, −1 when unknown.</summary>
    public static int Rank(string? severity) =>
        severity is null ? -1 : Severities.IndexOf(severity.Trim().ToLowerInvariant());

    // A broken figure never jumps the queue: NaN impact counts as none, NaN or unmeasured capacity as all spare.
    private static double Clamp(double value) => double.IsNaN(value) ? 0 : Math.Clamp(value, 0, 1);

    private static double Spare(QueueClaim claim) => claim.SpareCapacity is { } spare && !double.IsNaN(spare) ? Math.Clamp(spare, 0, 1) : 1;
}
