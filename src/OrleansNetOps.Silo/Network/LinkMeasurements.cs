using OrleansNetOps.Telemetry.TimeSeries;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Silo.Network;

/// <summary>
/// What was last measured on a link to an ISP: the router's probe series toward that ISP
/// (<c>/probes/isp[name=X]/utilisation-pct</c>, <c>latency-ms</c>, <c>loss-pct</c>), newest point within <see cref="Window"/>.
/// Links between our own routers carry no probes and stay unmeasured.
/// </summary>
internal static class LinkMeasurements
{
    /// <summary>How old a probe point may be and still describe the link now.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>Utilisation (share of capacity), latency and loss of <paramref name="link"/>; null where nothing recent was measured.</summary>
    public static async Task<(double? Utilisation, double? LatencyMs, double? LossPct)> ReadAsync(ITimeSeriesStore store, NetworkTopology topology,
        TopologyLink link, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(link);
        var (router, isp) = topology.Isp(link.B) is not null ? (link.A, link.B) : topology.Isp(link.A) is not null ? (link.B, link.A) : (null, null);
        if (router is null || isp is null)
        {
            return (null, null, null);
        }

        async Task<double?> Latest(string probe)
        {
            var points = await store.QueryAsync(new SeriesKey(router, $"/probes/isp[name={isp}]/{probe}"), now - Window, now, cancellationToken);
            return points.Count == 0 ? null : points.MaxBy(p => p.Time).Value is var v && double.IsFinite(v) ? v : null;
        }

        var utilisation = await Latest("utilisation-pct");
        return (utilisation / 100, await Latest("latency-ms"), await Latest("loss-pct"));
    }
}
