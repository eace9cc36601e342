using System.Diagnostics.CodeAnalysis;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Rib;

/// <summary>
/// The routes one peer has sent in one labelled family: labelled unicast (SAFI 4, RFC 8277) or L3VPN (SAFI 128,
/// RFC 4364). Routes are keyed as the router keys them — route distinguisher, prefix and ADD-PATH id — so the same
/// prefix under two RDs is two routes and a withdrawal removes only its own RD's. A route is a packed key (IPv4:
/// 20 bytes, IPv6: 32) plus an attribute-set index into a shared <see cref="AttributeSetTable"/> and its label, so
/// unicast RIBs (<see cref="AdjRibIn"/>) carry none of these extra key parts. Not thread-safe.
/// </summary>
public sealed class LabeledRib
{
    private readonly LabeledRouteTable<Ipv4LabeledRouteKey>? _ipv4;
    private readonly LabeledRouteTable<Ipv6LabeledRouteKey>? _ipv6;

    /// <summary>Creates an empty RIB for <paramref name="family"/>.</summary>
    /// <param name="family">IPv4 or IPv6 with SAFI 4 or 128.</param>
    /// <param name="attributeSets">Table to share with other RIBs; a private one when null.</param>
    /// <param name="capacity">Routes to make room for up front.</param>
    /// <exception cref="ArgumentOutOfRangeException">The family is not a labelled one.</exception>
    public LabeledRib(AfiSafi family, AttributeSetTable? attributeSets = null, int capacity = 0)
    {
        if (!LabeledNlriCodec.Supports(family))
        {
            throw new ArgumentOutOfRangeException(nameof(family), family, "a labelled RIB holds SAFI 4 or 128 routes of IPv4 or IPv6");
        }

        Family = family;
        AttributeSets = attributeSets ?? new AttributeSetTable();
        var vpn = family.Safi == Safi.MplsVpn;
        if (family.Afi == Afi.IPv4)
        {
            _ipv4 = new LabeledRouteTable<Ipv4LabeledRouteKey>(AttributeSets, vpn, capacity);
        }
        else
        {
            _ipv6 = new LabeledRouteTable<Ipv6LabeledRouteKey>(AttributeSets, vpn, capacity);
        }
    }

    /// <summary>The family of every route.</summary>
    public AfiSafi Family { get; }

    /// <summary>The table the attribute sets are numbered in.</summary>
    public AttributeSetTable AttributeSets { get; }

    /// <summary>Number of routes (distinguisher, prefix and path identifier).</summary>
    public int Count => _ipv4?.Count ?? _ipv6!.Count;

    /// <summary>All routes; modifying the RIB while enumerating throws.</summary>
    public IEnumerable<LabeledRibRoute> Routes => _ipv4?.Routes() ?? _ipv6!.Routes();

    /// <summary>Adds <paramref name="route"/> or replaces its labels and attributes (implicit withdraw).</summary>
    /// <exception cref="ArgumentException">The route is not of this RIB's family (address family, or RD present without L3VPN or missing with it).</exception>
    public RibChange Announce(in LabeledNlri route, PathAttributes attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        CheckFamily(route);
        if (route.Labels.IsEmpty)
        {
            throw new ArgumentException($"{route} has no label", nameof(route));
        }

        return _ipv4?.Announce(route, attributes) ?? _ipv6!.Announce(route, attributes);
    }

    /// <summary>Removes the route with <paramref name="route"/>'s distinguisher, prefix and path identifier; false when absent. Labels are not compared.</summary>
    public bool Withdraw(in LabeledNlri route) =>
        Fits(route) && (_ipv4?.Withdraw(route) ?? _ipv6!.Withdraw(route));

    /// <summary>Looks up the route with <paramref name="route"/>'s distinguisher, prefix and path identifier.</summary>
    public bool TryGet(in LabeledNlri route, [MaybeNullWhen(false)] out LabeledRibRoute found)
    {
        found = default;
        return Fits(route) && (_ipv4?.TryGet(route, out found) ?? _ipv6!.TryGet(route, out found));
    }

    /// <summary>Removes every route, e.g. on Peer Down.</summary>
    public void Clear()
    {
        _ipv4?.Clear();
        _ipv6?.Clear();
    }

    private bool Fits(in LabeledNlri route) =>
        route.Prefix.IsIPv6 == (Family.Afi == Afi.IPv6) && route.Distinguisher.HasValue == (Family.Safi == Safi.MplsVpn);

    private void CheckFamily(in LabeledNlri route)
    {
        if (!Fits(route))
        {
            throw new ArgumentException($"{route} is not a {Family} route", nameof(route));
        }
    }
}
