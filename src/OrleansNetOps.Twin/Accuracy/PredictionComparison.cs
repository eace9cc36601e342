using System.Globalization;
using System.Net;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Twin.Drift;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Twin.Accuracy;

/// <summary>
/// Compares the twin's predicted best paths (a what-if's <c>changes</c>) with what the routers report after the change
/// was executed. Only our routers are compared (the ISPs' predicted paths have no BMP feed); a path agrees when next
/// hop and AS path are the same, and LOCAL_PREF and MED too where the router reports them; a predicted withdrawal
/// agrees when the router has no best path for the prefix.
/// </summary>
public static class PredictionComparison
{
    /// <summary>Mismatches kept per action by default; the counts always cover every path.</summary>
    public const int DefaultMismatchCap = 50;

    /// <summary>Compares one action's prediction with the live best paths.</summary>
    /// <param name="actionId">The action.</param>
    /// <param name="at">When the live paths were read.</param>
    /// <param name="predicted">The what-if's changes; later entries for the same router and prefix win.</param>
    /// <param name="live">The routers' best paths (any routers; those not in <paramref name="routers"/> are ignored).</param>
    /// <param name="routers">The routers to compare (ours, with BMP).</param>
    /// <param name="converged">Whether the live paths had settled when read.</param>
    /// <param name="mismatchCap">At most this many mismatches are kept.</param>
    /// <exception cref="ArgumentException">A predicted prefix or next hop does not parse; the message names router and prefix.</exception>
    public static ActionAccuracy Compare(string actionId, DateTimeOffset at, IEnumerable<BestPathChange> predicted, IEnumerable<LiveBestPath> live,
        IReadOnlyCollection<string> routers, bool converged = true, int mismatchCap = DefaultMismatchCap)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actionId);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(routers);
        var expected = Expected(predicted, routers);
        var reported = live.Where(l => expected.ContainsKey((l.Router, l.Prefix))).ToDictionary(l => (l.Router, l.Prefix));
        var equal = 0;
        var mismatches = new List<PathMismatch>();
        foreach (var ((router, prefix), route) in expected.OrderBy(e => e.Key.Item1, StringComparer.Ordinal).ThenBy(e => e.Key.Item2))
        {
            reported.TryGetValue((router, prefix), out var theirs);
            if (Agrees(route, theirs))
            {
                equal++;
            }
            else if (mismatches.Count < mismatchCap)
            {
                mismatches.Add(new PathMismatch(router, prefix.ToString(), route?.ToString() ?? "none", theirs is null ? "none" : Describe(theirs)));
            }
        }

        return new ActionAccuracy(actionId, at, expected.Count, equal, mismatches, converged);
    }

    /// <summary>The predicted best path per (router, prefix) of the routers compared; null for a predicted withdrawal.</summary>
    public static IReadOnlyDictionary<(string Router, IpPrefix Prefix), RibRoute?> Expected(IEnumerable<BestPathChange> predicted, IReadOnlyCollection<string> routers)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(routers);
        var wanted = routers.ToHashSet(StringComparer.Ordinal);
        var expected = new Dictionary<(string, IpPrefix), RibRoute?>();
        foreach (var change in predicted.Where(c => wanted.Contains(c.Router)))
        {
            if (!IpPrefix.TryParse(change.Prefix, out var prefix))
            {
                throw new ArgumentException($"predicted change of {change.Router}: '{change.Prefix}' is not an IP prefix", nameof(predicted));
            }

            if (change.After?.NextHop is { } nextHop && !IPAddress.TryParse(nextHop, out _))
            {
                throw new ArgumentException($"predicted change of {change.Router} {change.Prefix}: next hop '{nextHop}' is not an address", nameof(predicted));
            }

            expected[(change.Router, prefix)] = change.After;
        }

        return expected;
    }

    private static bool Agrees(RibRoute? mine, LiveBestPath? theirs)
    {
        if (mine is null || theirs is null)
        {
            return mine is null && theirs is null;
        }

        var nextHop = mine.NextHop is null ? null : IPAddress.Parse(mine.NextHop);
        return SameAddress(nextHop, theirs.NextHop)
            && mine.AsPath.SequenceEqual(theirs.AsPath)
            && (theirs.LocalPref is not { } lp || (mine.LocalPref ?? 100) == lp)
            && (theirs.Med is not { } med || (mine.Med ?? 0) == med);
    }

    // IPv6 routes over IPv4 sessions carry IPv4-mapped next hops; either spelling is the same next hop.
    private static bool SameAddress(IPAddress? a, IPAddress? b) =>
        a is null || b is null ? a is null && b is null : Plain(a).Equals(Plain(b));

    private static IPAddress Plain(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static string Describe(LiveBestPath path) =>
        $"via {path.NextHop} [{string.Join(' ', path.AsPath)}] lp {path.LocalPref?.ToString(CultureInfo.InvariantCulture) ?? "-"} med {path.Med?.ToString(CultureInfo.InvariantCulture) ?? "-"}";
}
