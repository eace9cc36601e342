using System.Globalization;
using System.Net;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Monitoring;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Grains.Network;

/// <summary>Translates monitored routes and sessions into the API's shapes.</summary>
public static class RouteViews
{
    /// <summary>The API name of a RIB view.</summary>
    public static string ViewName(RibView view) => view switch
    {
        RibView.AdjInPre => "adj-in-pre",
        RibView.AdjInPost => "adj-in-post",
        RibView.AdjOutPre => "adj-out-pre",
        RibView.AdjOutPost => "adj-out-post",
        _ => "loc",
    };

    /// <summary>Parses an API view name.</summary>
    public static RibView? ParseView(string? name) => name switch
    {
        "adj-in-pre" => RibView.AdjInPre,
        "adj-in-post" or null => RibView.AdjInPost,
        "adj-out-pre" => RibView.AdjOutPre,
        "adj-out-post" => RibView.AdjOutPost,
        "loc" => RibView.LocRib,
        _ => null,
    };

    /// <summary>The API name of a session state.</summary>
    public static string StateName(SessionState state) => state.ToString().ToLowerInvariant();

    /// <summary>The API name of a SAFI the RIB views hold.</summary>
    public static string SafiName(Safi safi) => safi switch
    {
        Safi.MplsLabel => "labeled-unicast",
        Safi.MplsVpn => "vpn",
        _ => "unicast",
    };

    /// <summary>Parses an API SAFI name (unicast when absent).</summary>
    public static Safi? ParseSafi(string? name) => name switch
    {
        null or "unicast" => Safi.Unicast,
        "labeled-unicast" => Safi.MplsLabel,
        "vpn" => Safi.MplsVpn,
        _ => null,
    };

    /// <summary>The API name of a BMP peer type.</summary>
    public static string PeerTypeName(BmpPeerType type) => type switch
    {
        BmpPeerType.RdInstance => "rd",
        BmpPeerType.Local => "local",
        BmpPeerType.LocRib => "loc-rib",
        _ => "global",
    };

    /// <summary>A route in the API's rib shape; <paramref name="learnedFrom"/> names the neighbour where the BMP peer does not (Loc-RIB).</summary>
    public static RibRouteView ToView(MonitoredRoute route, bool best, IPAddress? learnedFrom = null)
    {
        ArgumentNullException.ThrowIfNull(route);
        var attributes = route.Attributes;
        return new RibRouteView(
            route.Route.Prefix.ToString(),
            route.Route.PathId,
            route.Distinguisher?.ToString(),
            (learnedFrom ?? route.Peer.Address).ToString(),
            attributes.NextHop?.ToString(),
            RouteText.AsPath(attributes.EffectiveAsPath),
            RouteText.Origin(attributes),
            attributes.MultiExitDisc,
            attributes.LocalPref,
            RouteText.Communities(attributes),
            RouteText.LargeCommunities(attributes),
            RouteText.ExtCommunities(attributes),
            attributes.AtomicAggregate,
            best,
            attributes.OriginatorId?.ToString(),
            RouteText.ClusterList(attributes),
            route.Labels.IsEmpty ? null : [.. route.Labels],
            route.Vrf);
    }

    /// <summary>AS path members in order, AS_SET members included.</summary>
    public static IReadOnlyList<uint> Flatten(AsPath? path) => RouteText.AsPath(path);

    /// <summary>Invariant text of a number.</summary>
    public static string Text(uint value) => value.ToString(CultureInfo.InvariantCulture);
}
