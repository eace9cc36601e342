using OrleansNetOps.Grains.Network;
using OrleansNetOps.Telemetry.Features;
using OrleansNetOps.Telemetry.TimeSeries;

namespace OrleansNetOps.Grains.Telemetry;

/// <summary>
/// Reads the router's series and its router grain, and hands both to <see cref="RouterFeatureExtractor"/>. It keeps
/// the previous BGP reading so churn and update rates are rates over real elapsed time.
/// </summary>
[GrainType("router-features")]
public sealed class RouterFeaturesGrain(ITimeSeriesStore series, TimeProvider time) : Grain, IRouterFeaturesGrain
{
    private BgpActivitySample? _previous;

    /// <inheritdoc />
    public async Task<RouterFeatures> GetAsync(DateTimeOffset from, DateTimeOffset to)
    {
        var router = this.GetPrimaryKeyString();
        var summary = await GrainFactory.GetGrain<IRouterGrain>(router).GetSummaryAsync();
        var keys = await series.ListSeriesAsync(router);
        var points = new Dictionary<string, IReadOnlyList<MetricPoint>>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            points[key.Path] = await series.QueryAsync(key, from, to);
        }

        var current = new BgpActivitySample(time.GetUtcNow(), summary.RoutesHeld, summary.BmpMessages);
        var features = RouterFeatureExtractor.Extract(new RouterFeatureInput(router, from, to, points, summary.PeersTotal, summary.PeersEstablished, _previous, current));
        _previous = current;
        return features;
    }
}
