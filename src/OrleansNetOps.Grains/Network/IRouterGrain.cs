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

    /// <summary>Applies a batch directly (used by tests and replays; live data arrives on the stream).</summary>
    Task ApplyAsync(BmpBatch batch);
}
