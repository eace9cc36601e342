using System.Net;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Twin.Engine;

namespace OrleansNetOps.Twin.Drift;

/// <summary>
/// Compares the twin's best paths with the live ones for the routers the live data covers: every prefix either side
/// has, on next hop, AS path, and LOCAL_PREF/MED where the live side knows them.
/// </summary>
public static class DriftDetector
{
    /// <summary>The differences, by router then prefix.</summary>
    public static IReadOnlyList<DriftEntry> Compare(TwinState twin, IEnumerable<LiveBestPath> live)
    {
        ArgumentNullException.ThrowIfNull(twin);
        ArgumentNullException.ThrowIfNull(live);
        var byRouter = live.GroupBy(l => l.Router).ToDictionary(g => g.Key, g => g.ToDictionary(l => l.Prefix));
        var result = new List<DriftEntry>();
        foreach (var (router, paths) in byRouter.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var prefix in twin.Prefixes.Union(paths.Keys).Order())
            {
                var mine = twin.Best(router, prefix);
                paths.TryGetValue(prefix, out var theirs);
                if (mine is null && theirs is null)
                {
                    continue;
                }

                if (mine is null)
                {
                    result.Add(new DriftEntry(router, prefix.ToString(), "missing-in-twin", $"live has {Describe(theirs!.NextHop, theirs.AsPath)}"));
                    continue;
                }

                var asPath = (mine.Attributes.EffectiveAsPath ?? AsPath.Empty).Segments.SelectMany(s => s.Asns).ToArray();
                if (theirs is null)
                {
                    result.Add(new DriftEntry(router, prefix.ToString(), "missing-live", $"twin has {Describe(mine.EffectiveNextHop, asPath)}"));
                    continue;
                }

                var differences = new List<string>();
                if (!SameAddress(mine.EffectiveNextHop, theirs.NextHop))
                {
                    differences.Add($"next hop: twin {mine.EffectiveNextHop}, live {theirs.NextHop}");
                }

                if (!asPath.SequenceEqual(theirs.AsPath))
                {
                    differences.Add($"as path: twin [{string.Join(' ', asPath)}], live [{string.Join(' ', theirs.AsPath)}]");
                }

                if (theirs.LocalPref is { } lp && (mine.Attributes.LocalPref ?? 100) != lp)
                {
                    differences.Add($"local pref: twin {mine.Attributes.LocalPref ?? 100}, live {lp}");
                }

                if (theirs.Med is { } med && (mine.Attributes.MultiExitDisc ?? 0) != med)
                {
                    differences.Add($"med: twin {mine.Attributes.MultiExitDisc ?? 0}, live {med}");
                }

                if (differences.Count > 0)
                {
                    result.Add(new DriftEntry(router, prefix.ToString(), "different", string.Join("; ", differences)));
                }
            }
        }

        return result;
    }

    private static string Describe(IPAddress? nextHop, IEnumerable<uint> asPath) => $"via {nextHop} [{string.Join(' ', asPath)}]";

    // IPv6 routes over IPv4 sessions carry IPv4-mapped next hops; either spelling is the same next hop.
    private static bool SameAddress(IPAddress? a, IPAddress? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        return (a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a).Equals(b.IsIPv4MappedToIPv6 ? b.MapToIPv4() : b);
    }
}
