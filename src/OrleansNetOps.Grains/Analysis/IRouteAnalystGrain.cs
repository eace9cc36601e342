using Orleans.Concurrency;
using OrleansNetOps.Grains.Network;

namespace OrleansNetOps.Grains.Analysis;

/// <summary>
/// The route detectors of one router (key: router id): leaks, origin hijacks and MOAS, more-specific hijacks of our
/// prefixes, churn storms, over what the router's eBGP neighbours send it. Fed by the router grain with the BMP batches
/// it applied; publishes what it finds on the domain's findings stream.
/// </summary>
public interface IRouteAnalystGrain : IGrainWithStringKey
{
    /// <summary>
    /// A batch of the router's BMP session, as the router grain applied it. One-way: the router's feed never waits for
    /// the detectors.
    /// </summary>
    /// <param name="delivery">The batch.</param>
    [OneWay]
    Task ObserveAsync(BmpDelivery delivery);

    /// <summary>Prefix updates checked and prefixes tracked so far by this activation.</summary>
    Task<RouteAnalystCounts> GetCountsAsync();
}
