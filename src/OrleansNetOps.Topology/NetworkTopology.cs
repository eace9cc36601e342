using System.Net;

namespace OrleansNetOps.Topology;

/// <summary>The network as configured: our routers, the ISPs, the links and sessions between them.</summary>
/// <param name="Name">A name for the topology.</param>
/// <param name="Asn">Our AS number.</param>
/// <param name="Sla">SLA targets.</param>
/// <param name="Routers">Our routers.</param>
/// <param name="Isps">The upstream providers.</param>
/// <param name="Links">Links, each carrying one BGP session.</param>
public sealed record NetworkTopology(
    string Name,
    uint Asn,
    SlaTargets Sla,
    IReadOnlyList<RouterNode> Routers,
    IReadOnlyList<IspNode> Isps,
    IReadOnlyList<TopologyLink> Links)
{
    /// <summary>A router by topology id.</summary>
    public RouterNode? Router(string id) => Routers.FirstOrDefault(r => r.Id == id);

    /// <summary>An ISP by topology id.</summary>
    public IspNode? Isp(string id) => Isps.FirstOrDefault(i => i.Id == id);

    /// <summary>The AS number of any node.</summary>
    public uint AsnOf(string nodeId) =>
        Router(nodeId)?.Asn ?? Isp(nodeId)?.Asn ?? throw new ArgumentException($"No node '{nodeId}' in topology '{Name}'.", nameof(nodeId));

    /// <summary>The links of a node.</summary>
    public IEnumerable<TopologyLink> LinksOf(string nodeId) => Links.Where(l => l.Touches(nodeId));

    /// <summary>
    /// Finds our router that a BMP session or other telemetry speaks for: by id, hostname (BMP sysName, also
    /// without its domain) or router-id, case-insensitively for names.
    /// </summary>
    public RouterNode? MatchRouter(string? name, IPAddress? routerId = null)
    {
        if (!string.IsNullOrWhiteSpace(name))
        {
            var shortName = name.Split('.')[0];
            var byName = Routers.FirstOrDefault(r =>
                string.Equals(r.Id, name, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(r.Hostname, name, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(r.Hostname, shortName, StringComparison.OrdinalIgnoreCase));
            if (byName is not null)
            {
                return byName;
            }
        }

        return routerId is null ? null : Routers.FirstOrDefault(r => r.RouterId.Equals(routerId));
    }

    /// <summary>The node (router or ISP id) that owns a session address, if any.</summary>
    public string? NodeWithAddress(IPAddress address)
    {
        foreach (var link in Links)
        {
            if (link.AAddress.Equals(address))
            {
                return link.A;
            }

            if (link.BAddress.Equals(address))
            {
                return link.B;
            }
        }

        return null;
    }
}
