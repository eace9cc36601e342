namespace OrleansNetOps.Lab.Frr;

/// <summary>One BGP session as a lab bgpd reports it (<c>show bgp summary json</c>).</summary>
/// <param name="Node">The node reporting.</param>
/// <param name="NeighborAddress">The neighbour's session address.</param>
/// <param name="Neighbor">The neighbour's topology id (bgpd's neighbour description), if known.</param>
/// <param name="State">FSM state, e.g. <c>Established</c>, <c>Active</c>, <c>Idle (Admin)</c>.</param>
/// <param name="Ipv4PrefixesReceived">IPv4 unicast prefixes accepted from it, or null when the family is not up.</param>
/// <param name="Ipv6PrefixesReceived">IPv6 unicast prefixes accepted from it, or null when the family is not up.</param>
public sealed record LabSession(string Node, string NeighborAddress, string? Neighbor, string State, int? Ipv4PrefixesReceived, int? Ipv6PrefixesReceived)
{
    /// <summary>Whether the session is Established.</summary>
    public bool IsEstablished => State == "Established";
}
