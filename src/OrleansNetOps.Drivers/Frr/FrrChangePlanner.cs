using System.Collections.Immutable;
using OrleansNetOps.Bgp.Policy;

namespace OrleansNetOps.Drivers.Frr;

/// <summary>
/// What must be true on the router after a change, as configuration lines present or absent: the difference
/// between the policy read from the router and the policy the twin's <see cref="PolicyEdit"/> made of it, object
/// by object (list entries, route-map entries and their clauses, neighbour bindings), plus session edits. Only
/// lines of the model are compared, so configuration the model does not read is never touched.
/// </summary>
public static class FrrChangePlanner
{
    /// <summary>The expectations that turn <paramref name="before"/>'s policy into <paramref name="after"/>.</summary>
    public static ImmutableArray<DeviceExpectation> PolicyChange(FrrRouterConfig before, RoutingPolicy after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var result = new List<DeviceExpectation>();
        var old = before.Policy;

        Lists(result, old.PrefixLists, after.PrefixLists, FrrPolicyText.Lines);
        Lists(result, old.IPv6PrefixLists, after.IPv6PrefixLists, FrrPolicyText.Lines);
        Lists(result, old.AsPathLists, after.AsPathLists, FrrPolicyText.Lines);
        Lists(result, old.CommunityLists, after.CommunityLists, FrrPolicyText.Lines);
        Lists(result, old.LargeCommunityLists, after.LargeCommunityLists, FrrPolicyText.Lines);

        foreach (var name in old.RouteMaps.Keys.Union(after.RouteMaps.Keys).Order(StringComparer.Ordinal))
        {
            var was = old.RouteMaps.GetValueOrDefault(name)?.Entries ?? [];
            var now = after.RouteMaps.GetValueOrDefault(name)?.Entries ?? [];
            foreach (var sequence in was.Select(e => e.Sequence).Union(now.Select(e => e.Sequence)).Order())
            {
                var a = was.FirstOrDefault(e => e.Sequence == sequence);
                var b = now.FirstOrDefault(e => e.Sequence == sequence);
                var headerA = a is null ? null : FrrPolicyText.Header(name, a);
                var headerB = b is null ? null : FrrPolicyText.Header(name, b);
                if (headerA is not null && headerA != headerB)
                {
                    result.Add(new DeviceExpectation([], headerA, Present: false));
                }

                if (headerB is null)
                {
                    continue;
                }

                var linesA = headerA == headerB ? FrrPolicyText.Lines(a!).ToHashSet(StringComparer.Ordinal) : [];
                var linesB = FrrPolicyText.Lines(b!).ToList();
                if (headerA != headerB)
                {
                    result.Add(new DeviceExpectation([], headerB, Present: true));
                }

                result.AddRange(linesA.Where(l => !linesB.Contains(l)).Order(StringComparer.Ordinal).Select(l => new DeviceExpectation([headerB], l, Present: false)));
                result.AddRange(linesB.Where(l => !linesA.Contains(l)).Select(l => new DeviceExpectation([headerB], l, Present: true)));
            }
        }

        if (before.BgpHeader is { } bgp)
        {
            foreach (var neighbor in before.Neighbors)
            {
                var was = old.PeerBinding(neighbor.Name);
                var now = after.PeerBinding(neighbor.Name);
                if (was == now)
                {
                    continue;
                }

                foreach (var family in neighbor.Families)
                {
                    var context = ImmutableArray.Create(bgp, "address-family " + family);
                    foreach (var direction in new[] { PolicyDirection.In, PolicyDirection.Out })
                    {
                        Binding(result, context, was.RouteMap(direction), now.RouteMap(direction), n => FrrPolicyText.RouteMapBinding(neighbor.Address, n, direction));
                        Binding(result, context, was.PrefixList(direction), now.PrefixList(direction), n => FrrPolicyText.PrefixListBinding(neighbor.Address, n, direction));
                    }
                }
            }
        }

        return [.. result];
    }

    /// <summary>Session edits: <c>neighbor X shutdown</c> present (deactivate) or absent (activate), or the neighbour gone (depeer).</summary>
    public static ImmutableArray<DeviceExpectation> SessionChange(FrrRouterConfig before, SessionEditKind kind, IEnumerable<FrrNeighbor> neighbors)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(neighbors);
        if (before.BgpHeader is not { } bgp)
        {
            return [];
        }

        var context = ImmutableArray.Create(bgp);
        var result = new List<DeviceExpectation>();
        foreach (var neighbor in neighbors)
        {
            switch (kind)
            {
                case SessionEditKind.Deactivate or SessionEditKind.Failover when !neighbor.Shutdown:
                    result.Add(new DeviceExpectation(context, $"neighbor {neighbor.Address} shutdown", Present: true));
                    break;
                case SessionEditKind.Activate when neighbor.Shutdown:
                    result.Add(new DeviceExpectation(context, $"neighbor {neighbor.Address} shutdown", Present: false));
                    break;
                case SessionEditKind.Remove:
                    // The remote-as line defines the neighbour: when it is gone, so is everything else of it.
                    result.Add(new DeviceExpectation(context, $"neighbor {neighbor.Address} remote-as {neighbor.RemoteAs}", Present: false));
                    break;
                default:
                    break;
            }
        }

        return [.. result];
    }

    private static void Lists<T>(List<DeviceExpectation> result, ImmutableSortedDictionary<string, T> was, ImmutableSortedDictionary<string, T> now, Func<T, IEnumerable<string>> lines)
        where T : class
    {
        foreach (var name in was.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            var a = was.GetValueOrDefault(name);
            var b = now.GetValueOrDefault(name);
            if (ReferenceEquals(a, b))
            {
                continue;
            }

            var linesA = a is null ? [] : lines(a).ToList();
            var linesB = b is null ? [] : lines(b).ToList();
            result.AddRange(linesA.Where(l => !linesB.Contains(l)).Select(l => new DeviceExpectation([], l, Present: false)));
            result.AddRange(linesB.Where(l => !linesA.Contains(l)).Select(l => new DeviceExpectation([], l, Present: true)));
        }
    }

    private static void Binding(List<DeviceExpectation> result, ImmutableArray<string> context, string? was, string? now, Func<string, string> line)
    {
        if (was == now)
        {
            return;
        }

        if (was is not null)
        {
            result.Add(new DeviceExpectation(context, line(was), Present: false));
        }

        if (now is not null)
        {
            result.Add(new DeviceExpectation(context, line(now), Present: true));
        }
    }
}
