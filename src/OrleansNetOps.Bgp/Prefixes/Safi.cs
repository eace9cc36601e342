using Orleans;

namespace OrleansNetOps.Bgp.Prefixes;

/// <summary>Subsequent Address Family Identifier (IANA).</summary>
[GenerateSerializer]
public enum Safi : byte
{
    /// <summary>Unicast forwarding.</summary>
    Unicast = 1,

    /// <summary>Multicast RPF.</summary>
    Multicast = 2,

    /// <summary>Labelled unicast (RFC 8277).</summary>
    MplsLabel = 4,

    /// <summary>EVPN.</summary>
    Evpn = 70,

    /// <summary>L3VPN (VPNv4/VPNv6).</summary>
    MplsVpn = 128,

    /// <summary>Flow specification.</summary>
    FlowSpec = 133,
}
