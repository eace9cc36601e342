using Orleans;

namespace OrleansNetOps.Bgp.Prefixes;

/// <summary>Address Family Identifier (IANA).</summary>
[GenerateSerializer]
public enum Afi : ushort
{
    /// <summary>IPv4.</summary>
    IPv4 = 1,

    /// <summary>IPv6.</summary>
    IPv6 = 2,

    /// <summary>Layer-2 VPN (EVPN, VPLS).</summary>
    L2Vpn = 25,

    /// <summary>BGP-LS.</summary>
    LinkState = 16388,
}
