using OrleansNetOps.Bgp.Monitoring;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Runtime;

namespace OrleansNetOps.Grains.Network;

/// <summary>A router: what it reports over BMP (sessions, RIBs), keyed by router id.</summary>
public interface IRouterGrain : IGrainWithStringKey
{
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

    /// <summary>The router's best path per prefix: its Loc-RIB when it sends one, else computed from what it sent.</summary>
    Task<IReadOnlyList<MonitoredRoute>> GetBestPathsAsync(Afi afi);

    /// <summary>Applies a batch directly (used by tests and replays; live data arrives on the stream).</summary>
    Task ApplyAsync(BmpBatch batch);
}
