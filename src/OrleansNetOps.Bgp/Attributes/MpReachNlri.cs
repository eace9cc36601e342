using System.Net;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Attributes;

/// <summary>
/// MP_REACH_NLRI (RFC 4760). Kept out of <see cref="PathAttributes"/> because it carries the prefixes:
/// leaving it in would make every attribute set unique and defeat interning.
/// </summary>
/// <param name="Family">AFI/SAFI of the NLRI.</param>
/// <param name="NextHopBytes">Next-hop field as on the wire.</param>
/// <param name="Nlri">Decoded prefixes for IPv4/IPv6 unicast and multicast.</param>
/// <param name="UndecodedNlri">NLRI bytes of the families decoded neither here nor in <paramref name="Labeled"/> (EVPN, flowspec...), kept untouched.</param>
/// <param name="Labeled">Decoded routes of the labelled families: labelled unicast (SAFI 4) and L3VPN (SAFI 128).</param>
public sealed record MpReachNlri(
    AfiSafi Family,
    EquatableArray<byte> NextHopBytes,
    EquatableArray<Nlri> Nlri,
    EquatableArray<byte> UndecodedNlri,
    EquatableArray<LabeledNlri> Labeled = default)
{
    /// <summary>Creates an MP_REACH_NLRI for plain prefixes from next-hop addresses.</summary>
    public static MpReachNlri Create(AfiSafi family, IEnumerable<IPAddress> nextHops, params Nlri[] nlri)
    {
        ArgumentNullException.ThrowIfNull(nextHops);
        var bytes = nextHops.SelectMany(address => address.GetAddressBytes()).ToArray();
        return new MpReachNlri(family, bytes, nlri, EquatableArray<byte>.Empty);
    }

    /// <summary>
    /// Creates an MP_REACH_NLRI for labelled routes. An L3VPN next hop is preceded by a zero route
    /// distinguisher, as RFC 4364 section 4.3.2 encodes it.
    /// </summary>
    public static MpReachNlri CreateLabeled(AfiSafi family, IPAddress nextHop, params LabeledNlri[] routes)
    {
        ArgumentNullException.ThrowIfNull(nextHop);
        var address = nextHop.GetAddressBytes();
        var bytes = family.Safi == Safi.MplsVpn ? [.. new byte[8], .. address] : address;
        return new MpReachNlri(family, bytes, default, default, routes);
    }

    /// <summary>The bytes of the first next-hop address (IPv4 or IPv6 global, VPN RD skipped); empty when the layout is unknown.</summary>
    public ReadOnlySpan<byte> FirstNextHop
    {
        get
        {
            var bytes = NextHopBytes.AsSpan();
            return bytes.Length switch
            {
                4 or 16 => bytes,
                32 => bytes[..16],
                12 or 24 => bytes[8..],
                48 => bytes[8..24],
                _ => [],
            };
        }
    }

    /// <summary>
    /// Next-hop addresses: one IPv4, one IPv6 global, or IPv6 global plus link-local. VPN next hops have
    /// their zero route distinguisher skipped. Empty when the length fits none of those layouts.
    /// </summary>
    public IReadOnlyList<IPAddress> NextHops
    {
        get
        {
            var bytes = NextHopBytes.AsSpan();
            var first = FirstNextHop;
            return bytes.Length switch
            {
                32 => [new IPAddress(first), new IPAddress(bytes[16..])],
                48 => [new IPAddress(first), new IPAddress(bytes[32..])],
                _ => first.IsEmpty ? [] : [new IPAddress(first)],
            };
        }
    }
}
