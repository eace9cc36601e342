namespace OrleansNetOps.Silo.Network;

/// <summary><c>GET /api/v1/topology</c>.</summary>
/// <param name="Name">Topology name.</param>
/// <param name="Asn">Our AS.</param>
/// <param name="Nodes">Routers and ISPs.</param>
/// <param name="Links">Links with their session state.</param>
public sealed record TopologyView(string Name, uint Asn, IReadOnlyList<TopologyNodeView> Nodes, IReadOnlyList<TopologyLinkView> Links);

/// <summary>A node of the topology view.</summary>
/// <param name="Id">Topology id.</param>
/// <param name="Kind"><c>router</c> or <c>isp</c>.</param>
/// <param name="Hostname">Hostname (routers).</param>
/// <param name="Role">Role (routers).</param>
/// <param name="Asn">AS number.</param>
/// <param name="RouterId">BGP identifier.</param>
/// <param name="Status">Router status, <c>unknown</c> for ISPs.</param>
/// <param name="CapacityGbps">Access capacity (ISPs).</param>
/// <param name="LatencyMs">Typical latency (ISPs).</param>
/// <param name="CostPerGb">Transit price (ISPs).</param>
public sealed record TopologyNodeView(
    string Id, string Kind, string? Hostname, string? Role, uint Asn, string RouterId, string Status,
    double? CapacityGbps, double? LatencyMs, double? CostPerGb);

/// <summary>A link of the topology view.</summary>
/// <param name="A">One end.</param>
/// <param name="B">Other end.</param>
/// <param name="Kind"><c>ebgp</c> or <c>ibgp</c>.</param>
/// <param name="State"><c>up</c>, <c>down</c> or <c>unknown</c>, from the BGP session over it.</param>
/// <param name="Utilisation">Share of capacity in use: the router's newest utilisation probe toward the ISP in the last 5 minutes; null when none.</param>
/// <param name="LatencyMs">Latency: the newest latency probe in the last 5 minutes, else the topology's figure.</param>
/// <param name="LossPct">Loss in percent: the newest loss probe in the last 5 minutes; null when none.</param>
/// <param name="CapacityGbps">Capacity.</param>
public sealed record TopologyLinkView(string A, string B, string Kind, string State, double? Utilisation, double LatencyMs, double? LossPct, double CapacityGbps);
