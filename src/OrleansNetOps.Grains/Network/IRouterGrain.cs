using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Twin.Drift;

namespace OrleansNetOps.Grains.Network;

/// <summary>A router: what it reports over BMP (sessions, RIBs), keyed by router id.</summary>
public interface IRouterGrain : IGrainWithStringKey
{
    /// <summary>
    /// Decodes and applies raw BMP messages of the router's primary session; a batch of another connection is a
    /// standby's and is not applied (see <see cref="BmpBatchDisposition"/>).
    /// </summary>
    Task<BmpBatchOutcome> ReceiveAsync(BmpDelivery delivery);

    /// <summary>Summary for listings.</summary>
    Task<RouterSummary> GetSummaryAsync();

    /// <summary>Its BGP sessions.</summary>
    Task<IReadOnlyList<PeerStatus>> GetPeersAsync();

    /// <summary>Routes of one of its RIBs.</summary>
    Task<RibResult> GetRibAsync(RibQuery query);

    /// <summary>
    /// What the router's eBGP neighbours send it, before its import policy (post-policy where only that is sent),
    /// per established session: the twin's view of the outside world.
    /// </summary>
    Task<IReadOnlyList<ExternalRoutes>> GetExternalRoutesAsync();

    /// <summary>The router's best path per prefix (both families): its Loc-RIB when it sends one, else computed from what it sent.</summary>
    Task<IReadOnlyList<LiveBestPath>> GetBestPathsAsync();
}
