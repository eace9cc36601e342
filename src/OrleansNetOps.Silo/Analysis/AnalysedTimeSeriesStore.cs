using OrleansNetOps.Telemetry.TimeSeries;

namespace OrleansNetOps.Silo.Analysis;

/// <summary>The time-series store (the read model), with every stored point also handed to the analysts.</summary>
internal sealed class AnalysedTimeSeriesStore(ITimeSeriesStore store, AnalystFeed feed) : ITimeSeriesStore
{
    public async Task AppendAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken = default)
    {
        await store.AppendAsync(samples, cancellationToken);
        foreach (var sample in samples)
        {
            feed.Offer(sample);
        }
    }

    public Task<IReadOnlyList<MetricPoint>> QueryAsync(SeriesKey series, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        store.QueryAsync(series, from, to, cancellationToken);

    public Task<IReadOnlyList<MetricRollup>> QueryMinutesAsync(SeriesKey series, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        store.QueryMinutesAsync(series, from, to, cancellationToken);

    public Task<IReadOnlyList<SeriesKey>> ListSeriesAsync(string router, CancellationToken cancellationToken = default) =>
        store.ListSeriesAsync(router, cancellationToken);

    public Task<TimeSeriesMaintenanceResult> MaintainAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        store.MaintainAsync(now, cancellationToken);
}
