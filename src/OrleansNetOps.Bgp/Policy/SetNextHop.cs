using System.Net;
using System.Net.Sockets;

namespace OrleansNetOps.Bgp.Policy;

/// <summary>
/// <c>set ip next-hop A.B.C.D</c> or <c>set ipv6 next-hop global X:X::X:X</c>, by the address's family. It only
/// touches routes of that family, as FRR's IPv4 clause has no effect on an IPv6 route's MP_REACH next hop.
/// </summary>
/// <param name="Address">The new next hop.</param>
public sealed record SetNextHop(IPAddress Address) : RouteMapSet
{
    /// <inheritdoc />
    public override PolicyRoute Apply(PolicyRoute route, RoutingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(route);
        var isIPv6 = Address.AddressFamily == AddressFamily.InterNetworkV6;
        if (route.Prefix.IsIPv6 != isIPv6)
        {
            return route;
        }

        return isIPv6
            ? route with { NextHop = Address }
            : route with { NextHop = Address, Attributes = route.Attributes with { NextHop = Address } };
    }
}
