using OrleansNetOps.Telemetry.Flows;
using OrleansNetOps.Telemetry.Metrics;
using OrleansNetOps.Telemetry.TimeSeries;
using OrleansNetOps.Topology;
using OrleansNetOps.Twin.Sla;
using IpPrefix = OrleansNetOps.Bgp.Prefixes.IpPrefix;

namespace OrleansNetOps.Grains.Twin;

/// <summary>
/// The measured context every what-if runs with — the operator's <c>POST /api/v1/twin/whatif</c>, an incident's plan and
/// an action's own proof alike: traffic per destination prefix from the flow store and the latest probe latency and
/// loss per ISP from the metric store. Without a flow store (or flows) the twin cannot predict utilisation, and without
/// probes it uses the topology's latency; both are then simply left out.
/// </summary>
public sealed class TwinContextSource(NetworkTopology topology, TimeProvider time, ITimeSeriesStore? metrics = null, IFlowStore? flows = null)
{
    /// <summary>
    /// How many one-minute flow windows count (the open one and those before it): the rate is their bytes over the
    /// time from the start of the earliest one that holds flows, so a store that has held flows for less than that is
    /// not diluted by minutes it never saw.
    /// </summary>
    public const int TrafficWindows = 3;

    /// <summary>How old a probe sample may be and still describe an ISP path now.</summary>
    public static readonly TimeSpan ProbeWindow = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan s_flowWindow = TimeSpan.FromMinutes(1);
    private const string LatencyPath = "/probes/isp/latency-ms";
    private const string LossPath = "/probes/isp/loss-pct";
    private const int MaxPrefixes = 100_000;

    /// <summary>The context measured now.</summary>
    public async Task<TwinContext> MeasureAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var traffic = flows is null ? [] : await TrafficAsync(flows, now, cancellationToken);
        var measurements = metrics is null ? [] : await ProbesAsync(metrics, now, cancellationToken);
        return traffic.Count == 0 && measurements.Count == 0 ? TwinContext.None : new TwinContext(traffic, measurements);
    }

    // Each one-minute window is read on its own, so the rate divides by the minutes that really hold flows.
    private static async Task<IReadOnlyList<TrafficVolume>> TrafficAsync(IFlowStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var current = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % s_flowWindow.Ticks), TimeSpan.Zero);
        var bytes = new Dictionary<string, double>(StringComparer.Ordinal);
        DateTimeOffset? earliest = null;
        for (var (start, n) = (current, 0); n < TrafficWindows; start -= s_flowWindow, n++)
        {
            // A window counts for [from, to] when it starts within [from − 1 min, to]: this asks for exactly the one at start.
            var window = await store.TopAsync(null, FlowTopKey.Prefix, start + s_flowWindow, start, MaxPrefixes, cancellationToken);
            if (window.Count == 0)
            {
                continue;
            }

            earliest = start;
            foreach (var entry in window)
            {
                bytes[entry.Key] = bytes.GetValueOrDefault(entry.Key) + entry.Bytes;
            }
        }

        if (earliest is not { } from)
        {
            return [];
        }

        var seconds = Math.Max(1, (now - from).TotalSeconds);
        return [.. bytes
            .Select(e => IpPrefix.TryParse(e.Key, out var prefix) ? new TrafficVolume(prefix, e.Value / seconds) : null)
            .OfType<TrafficVolume>()];
    }

    // Per ISP, the latest sample of every router that probes it, averaged over those routers.
    private async Task<IReadOnlyList<IspMeasurement>> ProbesAsync(ITimeSeriesStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var latency = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var loss = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var router in topology.Routers)
        {
            foreach (var series in await store.ListSeriesAsync(router.Id, cancellationToken))
            {
                if (!TelemetryPath.TryParse(series.Path, out var path, out _) || path.Key("name") is not { } isp || topology.Isp(isp) is null)
                {
                    continue;
                }

                var into = path.SchemaPath switch
                {
                    LatencyPath => latency,
                    LossPath => loss,
                    _ => null,
                };
                if (into is null)
                {
                    continue;
                }

                var points = await store.QueryAsync(series, now - ProbeWindow, now + TimeSpan.FromSeconds(1), cancellationToken);
                if (points.Where(p => double.IsFinite(p.Value) && p.Value >= 0).MaxBy(p => p.Time) is { } latest)
                {
                    (into.TryGetValue(isp, out var values) ? values : into[isp] = []).Add(latest.Value);
                }
            }
        }

        return [.. latency.Keys.Union(loss.Keys).Order(StringComparer.Ordinal)
            .Select(isp => new IspMeasurement(isp, latency.TryGetValue(isp, out var l) ? l.Average() : null, loss.TryGetValue(isp, out var p) ? p.Average() : null))];
    }
}
