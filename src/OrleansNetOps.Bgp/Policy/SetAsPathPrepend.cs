using OrleansNetOps.Bgp.Decision;

namespace OrleansNetOps.Bgp.Policy;

/// <summary>
/// <c>set as-path prepend AS...</c> (the list goes in front, leftmost first) or
/// <c>set as-path prepend last-as N</c> (the leftmost AS repeated N times; the neighbour's AS on an empty path).
/// </summary>
/// <param name="Asns">ASes to prepend, leftmost first; empty with <paramref name="LastAsCount"/>.</param>
/// <param name="LastAsCount">For <c>last-as N</c>, N (1..10); else 0.</param>
public sealed record SetAsPathPrepend(EquatableArray<uint> Asns, int LastAsCount = 0) : RouteMapSet
{
    /// <inheritdoc />
    public override PolicyRoute Apply(PolicyRoute route, RoutingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(route);
        var path = route.Attributes.EffectiveAsPath;
        IReadOnlyList<uint> prepend = Asns.ToArray();
        if (LastAsCount > 0)
        {
            var leftmost = AsPathEdit.Leftmost(path) ?? route.PeerAsn;
            prepend = leftmost == 0 ? [] : Enumerable.Repeat(leftmost, LastAsCount).ToArray();
        }

        // The merged 4-octet path is what gets rewritten; AS4_PATH is rebuilt on the wire if ever needed.
        return route with { Attributes = route.Attributes with { AsPath = AsPathEdit.Prepend(path, prepend), As4Path = null } };
    }
}
