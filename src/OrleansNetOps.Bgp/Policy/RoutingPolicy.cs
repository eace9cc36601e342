using System.Collections.Immutable;

namespace OrleansNetOps.Bgp.Policy;

/// <summary>
/// A router's routing policy: its named prefix-lists, AS-path lists, community lists and route-maps, and
/// which of them each neighbour uses. Immutable, so a what-if edits a copy.
/// </summary>
public sealed record RoutingPolicy
{
    /// <summary>No policy at all.</summary>
    public static RoutingPolicy Empty { get; } = new();

    /// <summary><c>ip prefix-list</c>s by name.</summary>
    public ImmutableSortedDictionary<string, PrefixList> PrefixLists { get; init; } = ImmutableSortedDictionary.Create<string, PrefixList>(StringComparer.Ordinal);

    /// <summary><c>ipv6 prefix-list</c>s by name (a separate namespace in FRR).</summary>
    public ImmutableSortedDictionary<string, PrefixList> IPv6PrefixLists { get; init; } = ImmutableSortedDictionary.Create<string, PrefixList>(StringComparer.Ordinal);

    /// <summary><c>bgp as-path access-list</c>s by name.</summary>
    public ImmutableSortedDictionary<string, AsPathAccessList> AsPathLists { get; init; } = ImmutableSortedDictionary.Create<string, AsPathAccessList>(StringComparer.Ordinal);

    /// <summary><c>bgp community-list</c>s by name.</summary>
    public ImmutableSortedDictionary<string, CommunityList> CommunityLists { get; init; } = ImmutableSortedDictionary.Create<string, CommunityList>(StringComparer.Ordinal);

    /// <summary><c>bgp large-community-list</c>s by name.</summary>
    public ImmutableSortedDictionary<string, LargeCommunityList> LargeCommunityLists { get; init; } = ImmutableSortedDictionary.Create<string, LargeCommunityList>(StringComparer.Ordinal);

    /// <summary>Route-maps by name.</summary>
    public ImmutableSortedDictionary<string, RouteMap> RouteMaps { get; init; } = ImmutableSortedDictionary.Create<string, RouteMap>(StringComparer.Ordinal);

    /// <summary>Per-neighbour bindings, keyed by neighbour address (or topology name).</summary>
    public ImmutableSortedDictionary<string, PeerPolicy> Peers { get; init; } = ImmutableSortedDictionary.Create<string, PeerPolicy>(StringComparer.Ordinal);

    /// <summary>The prefix-list of that name and family, or null.</summary>
    public PrefixList? FindPrefixList(string name, bool isIPv6) =>
        (isIPv6 ? IPv6PrefixLists : PrefixLists).TryGetValue(name, out var list) ? list : null;

    /// <summary>A copy with <paramref name="list"/> added or replaced.</summary>
    public RoutingPolicy With(PrefixList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return list.IsIPv6
            ? this with { IPv6PrefixLists = IPv6PrefixLists.SetItem(list.Name, list) }
            : this with { PrefixLists = PrefixLists.SetItem(list.Name, list) };
    }

    /// <summary>A copy with <paramref name="map"/> added or replaced.</summary>
    public RoutingPolicy With(RouteMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return this with { RouteMaps = RouteMaps.SetItem(map.Name, map) };
    }

    /// <summary>A copy with <paramref name="list"/> added or replaced.</summary>
    public RoutingPolicy With(AsPathAccessList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return this with { AsPathLists = AsPathLists.SetItem(list.Name, list) };
    }

    /// <summary>A copy with <paramref name="list"/> added or replaced.</summary>
    public RoutingPolicy With(CommunityList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return this with { CommunityLists = CommunityLists.SetItem(list.Name, list) };
    }

    /// <summary>A copy with <paramref name="list"/> added or replaced.</summary>
    public RoutingPolicy With(LargeCommunityList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return this with { LargeCommunityLists = LargeCommunityLists.SetItem(list.Name, list) };
    }

    /// <summary>A copy with the bindings of <paramref name="peer"/> replaced.</summary>
    public RoutingPolicy WithPeer(string peer, PeerPolicy binding) => this with { Peers = Peers.SetItem(peer, binding) };

    /// <summary>The bindings of <paramref name="peer"/> (none when absent).</summary>
    public PeerPolicy PeerBinding(string peer) => Peers.TryGetValue(peer, out var binding) ? binding : PeerPolicy.None;

    /// <summary>
    /// A neighbour's filter chain for one direction, in FRR's order: the prefix-list, then the route-map.
    /// A bound but undefined prefix-list filters nothing (FRR: "if no ip prefix-list is specified, it acts
    /// as permit"); a bound but undefined route-map denies everything, as bgpd does. Nothing bound permits.
    /// </summary>
    public PolicyResult ApplyPeer(string peer, PolicyDirection direction, PolicyRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var binding = PeerBinding(peer);
        if (binding.PrefixList(direction) is { } listName
            && FindPrefixList(listName, route.Prefix.IsIPv6) is { } list
            && !list.Permits(route.Prefix))
        {
            return new PolicyResult(false, route, null);
        }

        if (binding.RouteMap(direction) is not { } mapName)
        {
            return new PolicyResult(true, route, null);
        }

        return RouteMaps.TryGetValue(mapName, out var map) ? map.Apply(route, this) : new PolicyResult(false, route, null);
    }
}
