using System.Net;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Topology;

/// <summary>A router of our own network.</summary>
/// <param name="Id">Short topology id, e.g. <c>R1</c>; the API's router id.</param>
/// <param name="Hostname">Hostname, matched against the BMP sysName.</param>
/// <param name="Role">What the router does.</param>
/// <param name="RouterId">BGP router identifier.</param>
/// <param name="Asn">Its AS number.</param>
/// <param name="ReflectorClients">Ids of the routers it reflects to (route reflectors only).</param>
/// <param name="Originates">Prefixes it originates into BGP.</param>
public sealed record RouterNode(
    string Id,
    string Hostname,
    RouterRole Role,
    IPAddress RouterId,
    uint Asn,
    IReadOnlyList<string> ReflectorClients,
    IReadOnlyList<IpPrefix> Originates)
{
    /// <summary>
    /// How changes reach it (<c>driver:</c>); null leaves it to the silo: the simulated network's policy when the
    /// network is simulated, a dry run otherwise — a router is never changed unless its driver says so.
    /// </summary>
    public RouterDriver? Driver { get; init; }

    /// <summary>Whether it reflects routes.</summary>
    public bool IsRouteReflector => ReflectorClients.Count > 0;
}
