using OrleansNetOps.Grains.Network;

namespace OrleansNetOps.Silo.Network;

/// <summary>A router in <c>GET /api/v1/routers</c>.</summary>
/// <param name="Id">Router id.</param>
/// <param name="Hostname">Hostname.</param>
/// <param name="Role">Role.</param>
/// <param name="Asn">AS.</param>
/// <param name="RouterId">BGP identifier.</param>
/// <param name="Status"><c>up|degraded|down|unknown</c>.</param>
/// <param name="Source"><c>bmp|config|simulated</c>.</param>
/// <param name="PeersTotal">Sessions.</param>
/// <param name="PeersEstablished">Established sessions.</param>
/// <param name="SysDescr">BMP sysDescr.</param>
/// <param name="RoutesHeld">Routes held for it.</param>
public sealed record RouterListItem(
    string Id, string? Hostname, string? Role, uint? Asn, string? RouterId, string Status, string Source,
    int PeersTotal, int PeersEstablished, string? SysDescr, long RoutesHeld)
{
    /// <summary>From a grain summary.</summary>
    public static RouterListItem From(RouterSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new RouterListItem(summary.Id, summary.Hostname, summary.Role, summary.Asn, summary.RouterId,
            summary.Status.ToString().ToLowerInvariant(), summary.Source.ToString().ToLowerInvariant(),
            summary.PeersTotal, summary.PeersEstablished, summary.SysDescr, summary.RoutesHeld);
    }
}
