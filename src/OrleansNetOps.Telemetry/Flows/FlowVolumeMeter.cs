using System.Globalization;
using OrleansNetOps.Telemetry.TimeSeries;

namespace OrleansNetOps.Telemetry.Flows;

/// <summary>
/// Turns a stream of flow records into per-router traffic-volume series, one point per interval: bytes and packets per
/// second for the router as a whole, and bytes per second in and out per exporter interface (ifIndex; 0, "unknown", is
/// left out). Counts are scaled by the record's sampling. Flows are bucketed by their end time (else start, else arrival);
/// an interval is closed once the clock is a further interval past its end, so flows exported shortly after they end
/// still count; later ones are counted in <see cref="Late"/> and not in the series. A flow stamped more than
/// <see cref="MaxGap"/> intervals away from its arrival (an exporter's clock far off) counts at its arrival. An interval in which a router that
/// has sent flows sent none is a zero point (silence is traffic too), up to <see cref="MaxGap"/> intervals, after which
/// the router's series pause until it sends again. Thread-safe; time is passed in.
/// </summary>
public sealed class FlowVolumeMeter
{
    /// <summary>Path of a router's total bytes per second.</summary>
    public const string BytesPath = "/flows/bytes-per-second";

    /// <summary>Path of a router's total packets per second.</summary>
    public const string PacketsPath = "/flows/packets-per-second";

    /// <summary>Empty intervals filled with zeros before a silent router's series pause.</summary>
    public const int MaxGap = 60;

    private readonly long _interval;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RouterVolumes> _routers = new(StringComparer.Ordinal);
    private long _late;

    /// <summary>A meter with intervals of <paramref name="interval"/> (one minute when null), aligned to the UNIX epoch.</summary>
    public FlowVolumeMeter(TimeSpan? interval = null)
    {
        var size = interval ?? TimeSpan.FromMinutes(1);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, TimeSpan.FromSeconds(1));
        _interval = size.Ticks;
    }

    /// <summary>Flow records that arrived after their interval was closed.</summary>
    public long Late => Interlocked.Read(ref _late);

    /// <summary>Counts one flow of a router; returns the points of the intervals that closed by <paramref name="receivedAt"/>.</summary>
    public IReadOnlyList<MetricSample> Add(string router, FlowRecord flow, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(flow);
        var scale = Math.Max(flow.SamplingInterval, 1u);
        var arrival = receivedAt.UtcTicks / _interval;
        var window = (flow.End ?? flow.Start ?? receivedAt).UtcTicks / _interval;
        if (Math.Abs(window - arrival) > MaxGap)
        {
            window = arrival;
        }

        lock (_gate)
        {
            if (!_routers.TryGetValue(router, out var volumes))
            {
                volumes = new RouterVolumes(window - 1);
                _routers[router] = volumes;
            }

            if (window <= volumes.Closed)
            {
                Interlocked.Increment(ref _late);
            }
            else
            {
                volumes.Count(window, flow, scale);
            }

            var samples = new List<MetricSample>();
            Close(router, volumes, receivedAt, samples);
            return samples;
        }
    }

    /// <summary>Closes, for every router, the intervals that ended an interval before <paramref name="now"/>; their points.</summary>
    public IReadOnlyList<MetricSample> Flush(DateTimeOffset now)
    {
        lock (_gate)
        {
            var samples = new List<MetricSample>();
            foreach (var (router, volumes) in _routers)
            {
                Close(router, volumes, now, samples);
            }

            return samples;
        }
    }

    private void Close(string router, RouterVolumes volumes, DateTimeOffset now, List<MetricSample> samples)
    {
        // The last interval that may close: one whole interval of grace after its end.
        var last = (now.UtcTicks / _interval) - 2;
        if (last <= volumes.Closed)
        {
            return;
        }

        var seconds = TimeSpan.FromTicks(_interval).TotalSeconds;
        for (var window = volumes.Closed + 1; window <= last; window++)
        {
            var at = new DateTimeOffset(window * _interval, TimeSpan.Zero);
            var counted = volumes.Take(window);
            if (counted is null)
            {
                if (volumes.Silent >= MaxGap)
                {
                    // Paused: on to the next interval holding flows, without walking a long silence one by one.
                    window = Math.Min(last, (volumes.EarliestOpen ?? long.MaxValue) - 1);
                    continue;
                }

                volumes.Silent++;
                samples.Add(new MetricSample(router, BytesPath, at, 0));
                samples.Add(new MetricSample(router, PacketsPath, at, 0));
                continue;
            }

            volumes.Silent = 0;
            samples.Add(new MetricSample(router, BytesPath, at, counted.Bytes / seconds));
            samples.Add(new MetricSample(router, PacketsPath, at, counted.Packets / seconds));
            foreach (var (ifIndex, bytes) in counted.In.OrderBy(i => i.Key))
            {
                samples.Add(new MetricSample(router, InterfacePath(ifIndex, "in"), at, bytes / seconds));
            }

            foreach (var (ifIndex, bytes) in counted.Out.OrderBy(i => i.Key))
            {
                samples.Add(new MetricSample(router, InterfacePath(ifIndex, "out"), at, bytes / seconds));
            }
        }

        volumes.Closed = last;
    }

    /// <summary>Path of one exporter interface's bytes per second in one direction (<c>in</c> or <c>out</c>).</summary>
    public static string InterfacePath(uint ifIndex, string direction) =>
        string.Create(CultureInfo.InvariantCulture, $"/flows/interface[name={ifIndex}]/{direction}-bytes-per-second");

    private sealed class RouterVolumes(long closed)
    {
        private readonly Dictionary<long, Totals> _open = [];

        public long Closed { get; set; } = closed;

        public int Silent { get; set; }

        public void Count(long window, FlowRecord flow, uint scale)
        {
            if (!_open.TryGetValue(window, out var totals))
            {
                totals = new Totals();
                _open[window] = totals;
            }

            var bytes = (double)flow.Bytes * scale;
            totals.Bytes += bytes;
            totals.Packets += (double)flow.Packets * scale;
            if (flow.InputInterface != 0)
            {
                totals.In[flow.InputInterface] = totals.In.GetValueOrDefault(flow.InputInterface) + bytes;
            }

            if (flow.OutputInterface != 0)
            {
                totals.Out[flow.OutputInterface] = totals.Out.GetValueOrDefault(flow.OutputInterface) + bytes;
            }
        }

        public long? EarliestOpen => _open.Count == 0 ? null : _open.Keys.Min();

        public Totals? Take(long window) => _open.Remove(window, out var totals) ? totals : null;
    }

    private sealed class Totals
    {
        public double Bytes;
        public double Packets;
        public readonly Dictionary<uint, double> In = [];
        public readonly Dictionary<uint, double> Out = [];
    }
}
