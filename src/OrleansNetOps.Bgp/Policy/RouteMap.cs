using System.Collections.Immutable;

namespace OrleansNetOps.Bgp.Policy;

/// <summary>
/// A route-map with FRR's semantics: entries by ascending sequence; the first whose match clauses all hold
/// decides — deny ends with a deny, permit applies its sets and then exits, or continues
/// (<c>on-match next</c>/<c>goto</c>). A route that no entry matched is denied (implicit deny); one that
/// matched a permit and then ran off the end is permitted.
/// </summary>
public sealed record RouteMap
{
    /// <summary>Creates a route-map; entries are kept sorted by sequence.</summary>
    public RouteMap(string name, IEnumerable<RouteMapEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Name = name;
        Entries = [.. entries.OrderBy(e => e.Sequence)];
    }

    /// <summary>The route-map's name.</summary>
    public string Name { get; }

    /// <summary>Entries by ascending sequence.</summary>
    public ImmutableArray<RouteMapEntry> Entries { get; }

    /// <summary>Runs the route-map over <paramref name="route"/>, resolving named lists in <paramref name="policy"/>.</summary>
    public PolicyResult Apply(PolicyRoute route, RoutingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(policy);
        var current = route;
        int? lastPermit = null;
        var index = 0;
        while (index < Entries.Length)
        {
            var entry = Entries[index];
            if (!entry.Matches.All(match => match.Matches(current, policy)))
            {
                index++;
                continue;
            }

            if (entry.Action == AccessAction.Deny)
            {
                return new PolicyResult(false, route, entry.Sequence);
            }

            foreach (var set in entry.Sets)
            {
                current = set.Apply(current, policy);
            }

            lastPermit = entry.Sequence;
            switch (entry.OnMatch)
            {
                case OnMatch.Next:
                    index++;
                    break;
                case OnMatch.Goto:
                    // Only forward jumps exist (FRR rejects goto to an earlier sequence), so this terminates.
                    var target = entry.GotoSequence is { } requested && requested > entry.Sequence ? requested : entry.Sequence + 1;
                    index++;
                    while (index < Entries.Length && Entries[index].Sequence < target)
                    {
                        index++;
                    }

                    break;
                default:
                    return new PolicyResult(true, current, entry.Sequence);
            }
        }

        return lastPermit is null ? new PolicyResult(false, route, null) : new PolicyResult(true, current, lastPermit);
    }
}
