using System.Collections.Immutable;
using OrleansNetOps.Governance.Verification;
using OrleansNetOps.Telemetry.Metrics;
using OrleansNetOps.Telemetry.TimeSeries;

namespace OrleansNetOps.Grains.Actions;

/// <summary>
/// Reads the probe series (<c>/probes/isp[name=…]/latency-ms</c> and <c>…/loss-pct</c>) of our routers from the
/// metric store for the verification windows: one path per router and ISP. A sample is a latency and a loss point
/// with the same timestamp (a probe reports both; points posted in one batch without a timestamp share the batch's).
/// </summary>
internal static class ProbeSeries
{
    private const string LatencyPath = "/probes/isp/latency-ms";
    private const string LossPath = "/probes/isp/loss-pct";

    /// <summary>Every probed path of <paramref name="routers"/> with its samples before and after, ordered by router then ISP.</summary>
    public static async Task<IReadOnlyList<ProbedPath>> ReadAsync(ITimeSeriesStore store, IEnumerable<string> routers, VerificationWindows windows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(routers);
        ArgumentNullException.ThrowIfNull(windows);
        var paths = new List<ProbedPath>();
        foreach (var router in routers.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var probes = new SortedDictionary<string, (SeriesKey? Latency, SeriesKey? Loss)>(StringComparer.Ordinal);
            foreach (var series in await store.ListSeriesAsync(router, cancellationToken))
            {
                if (!TelemetryPath.TryParse(series.Path, out var path, out _) || path.Key("name") is not { } isp)
                {
                    continue;
                }

                if (path.SchemaPath == LatencyPath)
                {
                    probes[isp] = probes.GetValueOrDefault(isp) with { Latency = series };
                }
                else if (path.SchemaPath == LossPath)
                {
                    probes[isp] = probes.GetValueOrDefault(isp) with { Loss = series };
                }
            }

            foreach (var (isp, (latency, loss)) in probes)
            {
                var (before, beforeDropped) = await SamplesAsync(store, latency, loss, windows.BeforeFrom, windows.BeforeTo, cancellationToken);
                var (after, afterDropped) = await SamplesAsync(store, latency, loss, windows.AfterFrom, windows.AfterTo, cancellationToken);
                paths.Add(new ProbedPath(router, isp, new PathProbes($"{isp} via {router}", before, after), beforeDropped, afterDropped));
            }
        }

        return paths;
    }

    // Samples in [from, to) — the "before" window ends where the change begins. Unpaired or impossible points
    // (negative latency, loss outside 0..100) are counted, not judged.
    private static async Task<(ImmutableArray<SlaSample> Samples, int Dropped)> SamplesAsync(
        ITimeSeriesStore store, SeriesKey? latencySeries, SeriesKey? lossSeries, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var latency = latencySeries is null ? [] : await store.QueryAsync(latencySeries, from, to, cancellationToken);
        var loss = lossSeries is null ? [] : await store.QueryAsync(lossSeries, from, to, cancellationToken);
        var lossAt = new Dictionary<DateTimeOffset, double>();
        foreach (var point in loss.Where(p => p.Time < to))
        {
            lossAt[point.Time] = point.Value;
        }

        var samples = ImmutableArray.CreateBuilder<SlaSample>();
        foreach (var point in latency.Where(p => p.Time < to))
        {
            if (!lossAt.TryGetValue(point.Time, out var lossPct))
            {
                continue;
            }

            if (double.IsFinite(point.Value) && point.Value >= 0 && double.IsFinite(lossPct) && lossPct is >= 0 and <= 100)
            {
                samples.Add(new SlaSample(point.Value, lossPct));
            }
        }

        var points = latency.Count(p => p.Time < to) + lossAt.Count;
        return (samples.ToImmutable(), points - 2 * samples.Count);
    }
}
