namespace OrleansNetOps.Grains.Network;

/// <summary>A router as <c>GET /api/v1/routers</c> lists it.</summary>
/// <param name="Id">Topology id when the router is in topology.yaml, else its BMP sysName.</param>
/// <param name="Hostname">Hostname (sysName).</param>
/// <param name="Role">Role from the topology, if known.</param>
/// <param name="Asn">AS number.</param>
/// <param name="RouterId">BGP identifier.</param>
/// <param name="Status">Health.</param>
/// <param name="Source">Where the data comes from.</param>
/// <param name="PeersTotal">Sessions known.</param>
/// <param name="PeersEstablished">Sessions established.</param>
/// <param name="SysDescr">BMP sysDescr.</param>
/// <param name="RoutesHeld">Routes held in all its RIBs.</param>
/// <param name="BmpMessages">BMP messages received.</param>
[GenerateSerializer, Immutable]
public sealed record RouterSummary(
    string Id,
    string? Hostname,
    string? Role,
    uint? Asn,
    string? RouterId,
    RouterStatus Status,
    RouterSource Source,
    int PeersTotal,
    int PeersEstablished,
    string? SysDescr,
    long RoutesHeld,
    long BmpMessages);
