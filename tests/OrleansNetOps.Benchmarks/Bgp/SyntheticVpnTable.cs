using System.Net;
using OrleansNetOps.Bgp;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Benchmarks.Bgp;

/// <summary>
/// A deterministic VPNv4 table for benchmarks, built on <see cref="SyntheticFullTable"/>'s prefixes and real attribute
/// sets: the routes are spread over VRFs in blocks (a PE sends a VRF's routes together), each VRF with its own RD
/// (types 0, 1 and 2 in turn), its per-VRF label, its route target and the loopback of the PE that hosts it.
/// </summary>
internal sealed class SyntheticVpnTable
{
    private SyntheticVpnTable(LabeledNlri[] routes, PathAttributes[] vpnAttributes, PathAttributes[] unicastAttributes, IPAddress[] nextHops, int distinctSets)
    {
        Routes = routes;
        VpnAttributes = vpnAttributes;
        UnicastAttributes = unicastAttributes;
        NextHops = nextHops;
        DistinctSets = distinctSets;
    }

    /// <summary>The VPN routes, in the order a PE would send them.</summary>
    public LabeledNlri[] Routes { get; }

    /// <summary>Each route's attributes with its VRF's route target (shared instances for equal sets).</summary>
    public PathAttributes[] VpnAttributes { get; }

    /// <summary>Each route's attributes as the unicast table has them, next hop set to the same PE.</summary>
    public PathAttributes[] UnicastAttributes { get; }

    /// <summary>Each route's next hop (its PE).</summary>
    public IPAddress[] NextHops { get; }

    /// <summary>Distinct VPN attribute sets.</summary>
    public int DistinctSets { get; }

    public static SyntheticVpnTable Create(int count, int vrfs = 2000, int pes = 200)
    {
        var table = SyntheticFullTable.Create(count);
        var perVrf = Math.Max(1, count / vrfs);
        var routes = new LabeledNlri[count];
        var vpn = new PathAttributes[count];
        var unicast = new PathAttributes[count];
        var nextHops = new IPAddress[count];
        var interned = new Dictionary<PathAttributes, PathAttributes>();
        var loopbacks = Enumerable.Range(0, pes).Select(i => new IPAddress(new byte[] { 203, 0, 113, (byte)(1 + (i % 250)) })).ToArray();
        for (var i = 0; i < count; i++)
        {
            var vrf = (uint)(i / perVrf % vrfs);
            var rd = (vrf % 3) switch
            {
                0 => new RouteDistinguisher((65000UL << 32) | vrf),
                1 => new RouteDistinguisher((1UL << 48) | (0xCB007101UL << 16) | vrf),
                _ => new RouteDistinguisher((2UL << 48) | (4226809946UL << 16) | vrf),
            };
            routes[i] = new LabeledNlri(table.Routes[i].Prefix, new[] { 24000 + vrf }, rd);
            nextHops[i] = loopbacks[vrf % pes];
            var withTarget = table.Attributes[i] with
            {
                NextHop = null,
                ExtendedCommunities = new[] { new ExtendedCommunity((0x0002UL << 48) | (65000UL << 32) | vrf) },
            };
            vpn[i] = interned.TryGetValue(withTarget, out var shared) ? shared : interned[withTarget] = withTarget;
            unicast[i] = table.Attributes[i];
        }

        return new SyntheticVpnTable(routes, vpn, unicast, nextHops, interned.Count);
    }
}
