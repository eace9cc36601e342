using OrleansNetOps.Grains.Network;

namespace OrleansNetOps.Silo.Network;

/// <summary><c>GET /api/v1/routers/{id}</c>: the router's list fields plus its sessions, latest metrics (path → point) and open incidents.</summary>
public sealed record RouterDetail(
    string Id, string? Hostname, string? Role, uint? Asn, string? RouterId, string Status, string Source,
    int PeersTotal, int PeersEstablished, string? SysDescr, long RoutesHeld,
    IReadOnlyList<PeerStatus> Peers, IReadOnlyDictionary<string, MetricPointView> Metrics, IReadOnlyList<string> OpenIncidentIds)
{
    /// <summary>From the grain's answers and the time-series store.</summary>
    public static RouterDetail From(RouterSummary summary, IReadOnlyList<PeerStatus> peers, IReadOnlyDictionary<string, MetricPointView> metrics)
    {
        var item = RouterListItem.From(summary);
        return new RouterDetail(item.Id, item.Hostname, item.Role, item.Asn, item.RouterId, item.Status, item.Source,
            item.PeersTotal, item.PeersEstablished, item.SysDescr, item.RoutesHeld, peers, metrics, []);
    }
}
