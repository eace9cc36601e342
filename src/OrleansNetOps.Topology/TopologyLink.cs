using System.Net;

namespace OrleansNetOps.Topology;

/// <summary>A point-to-point link between two nodes, carrying one BGP session between its addresses.</summary>
/// <param name="A">Node id of one end (a router or an ISP).</param>
/// <param name="B">Node id of the other end.</param>
/// <param name="AAddress">Address of the A end.</param>
/// <param name="BAddress">Address of the B end.</param>
/// <param name="PrefixLength">Length of the link's subnet.</param>
/// <param name="Kind">eBGP or iBGP, from the ends' AS numbers.</param>
/// <param name="CapacityGbps">Capacity (for an ISP link, the ISP's).</param>
/// <param name="LatencyMs">One-way latency.</param>
/// <param name="CostPerGb">Transit price per GB (zero inside the network).</param>
public sealed record TopologyLink(
    string A,
    string B,
    IPAddress AAddress,
    IPAddress BAddress,
    int PrefixLength,
    SessionKind Kind,
    double CapacityGbps,
    double LatencyMs,
    double CostPerGb)
{
    /// <summary>A stable name, e.g. <c>R1-ISP-A</c>.</summary>
    public string Name => $"{A}-{B}";

    /// <summary>Whether the link ends at <paramref name="nodeId"/>.</summary>
    public bool Touches(string nodeId) => A == nodeId || B == nodeId;

    /// <summary>The far end's id as seen from <paramref name="nodeId"/>.</summary>
    public string Other(string nodeId) => A == nodeId ? B : A;

    /// <summary>The local address of <paramref name="nodeId"/>'s end.</summary>
    public IPAddress AddressOf(string nodeId) => A == nodeId ? AAddress : BAddress;
}
