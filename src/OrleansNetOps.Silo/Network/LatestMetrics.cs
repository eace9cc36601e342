using OrleansNetOps.Telemetry.TimeSeries;

namespace OrleansNetOps.Silo.Network;

/// <summary>A router's latest metrics: the newest point of each of its series within <see cref="Window"/>.</summary>
internal static class LatestMetrics
{
    /// <summary>How far back a point still counts as the router's latest metric.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>The most series read for one router (a router with thousands of interfaces lists the first by path).</summary>
    public const int MaxSeries = 500;

    /// <summary>Path → latest point, for series with a point in the last <see cref="Window"/>.</summary>
    public static async Task<Dictionary<string, MetricPointView>> ReadAsync(ITimeSeriesStore store, string router, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var series = (await store.ListSeriesAsync(router, cancellationToken)).OrderBy(s => s.Path, StringComparer.Ordinal).Take(MaxSeries).ToList();
        var result = new Dictionary<string, MetricPointView>(StringComparer.Ordinal);
        foreach (var key in series)
        {
            var points = await store.QueryAsync(key, now - Window, now, cancellationToken);
            if (points.Count > 0)
            {
                var last = points.MaxBy(p => p.Time);
                result[key.Path] = new MetricPointView(last.Time, double.IsFinite(last.Value) ? last.Value : null);
            }
        }

        return result;
    }
}
