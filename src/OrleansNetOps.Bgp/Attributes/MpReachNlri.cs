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
/// <param name="UndecodedNlri">NLRI bytes of other families (VPN, EVPN, flowspec...), kept untouched.</param>
public sealed record MpReachNlri(
    AfiSafi Family,
    EquatableArray<byte> NextHopBytes,
    EquatableArray<Nlri> Nlri,
    EquatableArray<byte> UndecodedNlri)
{
    /// <summary>Creates an MP_REACH_NLRI for plain prefixes from next-hop addresses.</summary>
    public static MpReachNlri Create(AfiSafi family, IEnumerable<IPAddress> nextHops, params Nlri[] nlri)
    {
        ArgumentNullException.ThrowIfNull(nextHops);
        var bytes = nextHops.SelectMany(address => address.GetAddressBytes()).ToArray();
        return new MpReachNlri(family, bytes, nlri, EquatableArray<byte>.Empty);
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
            return bytes.Length switch
            {
                4 or 16 => [new IPAddress(bytes)],
                32 => [new IPAddress(bytes[..16]), new IPAddress(bytes[16..])],
                12 or 24 => [new IPAddress(bytes[8..])],
                48 => [new IPAddress(bytes[8..24]), new IPAddress(bytes[32..])],
                _ => [],
            };
        }
    }
}
