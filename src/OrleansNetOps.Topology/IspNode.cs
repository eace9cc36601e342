using System.Net;

namespace OrleansNetOps.Topology;

/// <summary>An upstream provider and the commercial facts of its link.</summary>
/// <param name="Id">Topology id, e.g. <c>ISP-A</c>.</param>
/// <param name="Asn">Its AS number.</param>
/// <param name="RouterId">Its peering router's BGP identifier.</param>
/// <param name="CapacityGbps">Capacity of the access link.</param>
/// <param name="LatencyMs">Typical latency through it.</param>
/// <param name="CostPerGb">Price of transit, per GB.</param>
/// <param name="Announcements">What it announces to us.</param>
public sealed record IspNode(
    string Id,
    uint Asn,
    IPAddress RouterId,
    double CapacityGbps,
    double LatencyMs,
    double CostPerGb,
    IReadOnlyList<IspAnnouncement> Announcements);
