using System.Net;
using System.Net.Sockets;
using OrleansNetOps.Bgp.Attributes;

namespace OrleansNetOps.Bgp.Decision;

/// <summary>
/// What a router accepts from and sends to its neighbours: the receive-side loop checks, the iBGP and
/// route-reflection advertisement rules (RFC 4271 9.2, RFC 4456), well-known communities (RFC 1997), and
/// the attribute rewrites on the way out, as FRR 8.4 does them. The twin applies, per neighbour:
/// <see cref="CanAdvertise"/>, then <see cref="Export"/>, then that neighbour's outbound policy (FRR runs
/// the outbound route-map after these rewrites, so a route-map can still set MED or next hop).
/// </summary>
public static class RouteReflection
{
    /// <summary>Receive-side checks on a path from <paramref name="fromPeer"/>.</summary>
    public static ReceiveResult Receive(PathAttributes attributes, BgpPeer fromPeer, LocalRouter local)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentNullException.ThrowIfNull(fromPeer);
        ArgumentNullException.ThrowIfNull(local);

        var path = attributes.EffectiveAsPath;
        if (AsPathEdit.Occurrences(path, local.Asn) > fromPeer.AllowAsIn
            || (local.ConfederationId is { } confed && confed != local.Asn && AsPathEdit.Occurrences(path, confed) > fromPeer.AllowAsIn))
        {
            return new(ReceiveVerdict.AsPathLoop, attributes);
        }

        if (attributes.OriginatorId is { } originator && originator.Equals(local.RouterId))
        {
            return new(ReceiveVerdict.OriginatorIsSelf, attributes);
        }

        // FRR runs the cluster check on iBGP sessions only: reflection never crosses an AS border.
        if (fromPeer.Type == PeerType.Internal && attributes.ClusterList.Contains(local.EffectiveClusterId))
        {
            return new(ReceiveVerdict.ClusterLoop, attributes);
        }

        // RFC 4271 5.1.5: LOCAL_PREF from an external peer must be ignored (FRR does not store it).
        var kept = fromPeer.Type == PeerType.External && attributes.LocalPref is not null
            ? attributes with { LocalPref = null }
            : attributes;
        return new(ReceiveVerdict.Accepted, kept);
    }

    /// <summary>
    /// Whether <paramref name="best"/> (learned from <c>best.Peer</c>) may be advertised to <paramref name="toPeer"/>.
    /// </summary>
    public static AdvertiseVerdict CanAdvertise(CandidatePath best, BgpPeer toPeer, LocalRouter local)
    {
        ArgumentNullException.ThrowIfNull(best);
        ArgumentNullException.ThrowIfNull(toPeer);
        ArgumentNullException.ThrowIfNull(local);
        var from = best.Peer;
        var attributes = best.Attributes;

        if (from.Type != PeerType.Local && from.Address.Equals(toPeer.Address))
        {
            return AdvertiseVerdict.SenderSplitHorizon;
        }

        if (attributes.Communities.Contains(Community.NoAdvertise))
        {
            return AdvertiseVerdict.NoAdvertise;
        }

        if (attributes.Communities.Contains(Community.NoExport) && toPeer.Type == PeerType.External)
        {
            return AdvertiseVerdict.NoExport;
        }

        if (attributes.Communities.Contains(Community.NoExportSubconfed) && toPeer.Type is PeerType.External or PeerType.ConfederationExternal)
        {
            return AdvertiseVerdict.NoExportSubconfed;
        }

        if (from.Type == PeerType.Internal && toPeer.Type == PeerType.Internal)
        {
            if (!from.IsRouteReflectorClient && !toPeer.IsRouteReflectorClient)
            {
                return AdvertiseVerdict.IbgpSplitHorizon;
            }

            if (from.IsRouteReflectorClient && toPeer.IsRouteReflectorClient && !local.ClientToClientReflection)
            {
                return AdvertiseVerdict.ClientToClientDisabled;
            }

            // The originator would drop it as its own route; FRR does not send it.
            var originator = attributes.OriginatorId ?? from.RouterId;
            if (originator.Equals(toPeer.RouterId))
            {
                return AdvertiseVerdict.OriginatorIsPeer;
            }
        }

        return AdvertiseVerdict.Advertise;
    }

    /// <summary>The attributes and next hop <paramref name="best"/> carries when sent to <paramref name="toPeer"/>.</summary>
    public static AdvertisedRoute Export(CandidatePath best, BgpPeer toPeer, LocalRouter local)
    {
        ArgumentNullException.ThrowIfNull(best);
        ArgumentNullException.ThrowIfNull(toPeer);
        ArgumentNullException.ThrowIfNull(local);
        var from = best.Peer;
        var attributes = best.Attributes;
        var nextHop = best.EffectiveNextHop;
        var isIPv6 = nextHop?.AddressFamily == AddressFamily.InterNetworkV6;
        var self = SelfAddress(toPeer, isIPv6);

        PathAttributes result;
        switch (toPeer.Type)
        {
            case PeerType.External:
                // RFC 4271 5.1.4: a MED learned from a neighbouring AS must not reach another one. FRR is
                // stricter: it strips every MED towards eBGP unless the route is locally originated.
                result = attributes with
                {
                    AsPath = AsPathEdit.Prepend(AsPathEdit.StripConfederation(attributes.EffectiveAsPath), [local.ExternalAsn]),
                    As4Path = null,
                    LocalPref = null,
                    OriginatorId = null,
                    ClusterList = EquatableArray<IPAddress>.Empty,
                    MultiExitDisc = from.Type == PeerType.Local ? attributes.MultiExitDisc : null,
                };
                nextHop = self ?? nextHop;
                break;

            case PeerType.ConfederationExternal:
                // RFC 5065: inside the confederation the path grows by our member AS in a confed
                // sequence, and LOCAL_PREF/MED/next hop travel as on iBGP. ORIGINATOR_ID and CLUSTER_LIST
                // are iBGP-only in FRR.
                result = attributes with
                {
                    AsPath = AsPathEdit.Prepend(attributes.EffectiveAsPath, [local.Asn], AsPathSegmentType.ConfedSequence),
                    As4Path = null,
                    LocalPref = attributes.LocalPref ?? local.DefaultLocalPref,
                    OriginatorId = null,
                    ClusterList = EquatableArray<IPAddress>.Empty,
                };
                nextHop = NeedsSelf(from, toPeer, nextHop, reflected: false) ? self ?? nextHop : nextHop;
                break;

            default:
                var reflected = from.Type == PeerType.Internal;
                result = attributes with { LocalPref = attributes.LocalPref ?? local.DefaultLocalPref };
                if (reflected)
                {
                    // RFC 4456 section 8: the reflector records the originator once and adds its cluster.
                    result = result with
                    {
                        OriginatorId = attributes.OriginatorId ?? from.RouterId,
                        ClusterList = new[] { local.EffectiveClusterId }.Concat(attributes.ClusterList).ToArray(),
                    };
                }

                nextHop = NeedsSelf(from, toPeer, nextHop, reflected) ? self ?? nextHop : nextHop;
                break;
        }

        if (!isIPv6)
        {
            result = result with { NextHop = nextHop };
        }

        return new AdvertisedRoute(result, nextHop);
    }

    // Locally originated routes carry 0.0.0.0 / :: ("this router"); any neighbour gets our address.
    private static bool NeedsSelf(BgpPeer from, BgpPeer toPeer, IPAddress? nextHop, bool reflected) =>
        from.Type == PeerType.Local
        || nextHop is null
        || nextHop.Equals(IPAddress.Any)
        || nextHop.Equals(IPAddress.IPv6Any)
        || toPeer.NextHopSelfForce
        || (toPeer.NextHopSelf && !reflected);

    private static IPAddress? SelfAddress(BgpPeer toPeer, bool isIPv6)
    {
        if (!isIPv6)
        {
            return toPeer.LocalAddress;
        }

        // FRR advertises IPv6 over an IPv4 session with the IPv4-mapped session address (FRR-NOTES).
        return toPeer.LocalIPv6Address
            ?? (toPeer.LocalAddress is { AddressFamily: AddressFamily.InterNetwork } v4 ? v4.MapToIPv6() : toPeer.LocalAddress);
    }
}
