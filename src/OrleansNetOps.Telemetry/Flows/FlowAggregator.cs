using System.Globalization;
using System.Net.Sockets;

namespace OrleansNetOps.Telemetry.Flows;

/// <summary>
/// Rolls flow records up into per-prefix, per-interface and per-AS traffic volumes per time window, the shape
/// behind "top talkers" queries. Not thread-safe.
/// </summary>
public sealed class FlowAggregator
{
    private readonly FlowAggregatorOptions options;
    private readonly Dictionary<(long Window, FlowVolumeKind Kind, string Key), Totals> buckets = [];

    /// <summary>Creates an aggregator.</summary>
    public FlowAggregator(FlowAggregatorOptions? options = null)
    {
        this.options = options ?? new FlowAggregatorOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(this.options.Window, TimeSpan.Zero);
    }

    /// <summary>Adds one flow to the window its end time (or, lacking one, the reception time) falls in.</summary>
    public void Add(FlowRecord flow, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var time = flow.End ?? flow.Start ?? receivedAt;
        var window = time.UtcTicks / options.Window.Ticks;
        var scale = options.ScaleBySampling ? Math.Max(flow.SamplingInterval, 1u) : 1u;
        var bytes = flow.Bytes * scale;
        var packets = flow.Packets * scale;
        Bump(window, FlowVolumeKind.SourcePrefix, Prefix(flow.SourceAddress), bytes, packets);
        Bump(window, FlowVolumeKind.DestinationPrefix, Prefix(flow.DestinationAddress), bytes, packets);
        Bump(window, FlowVolumeKind.InputInterface, $"{flow.Exporter}/{flow.InputInterface.ToString(CultureInfo.InvariantCulture)}", bytes, packets);
        Bump(window, FlowVolumeKind.OutputInterface, $"{flow.Exporter}/{flow.OutputInterface.ToString(CultureInfo.InvariantCulture)}", bytes, packets);
        Bump(window, FlowVolumeKind.SourceAs, flow.SourceAs.ToString(CultureInfo.InvariantCulture), bytes, packets);
        Bump(window, FlowVolumeKind.DestinationAs, flow.DestinationAs.ToString(CultureInfo.InvariantCulture), bytes, packets);
    }

    /// <summary>Current totals of every open window, largest byte count first within each kind.</summary>
    public IReadOnlyList<FlowVolume> Snapshot() => Volumes(_ => true);

    /// <summary>Removes and returns the windows that ended at or before <paramref name="now"/>.</summary>
    public IReadOnlyList<FlowVolume> Flush(DateTimeOffset now)
    {
        var current = now.UtcTicks / options.Window.Ticks;
        var closed = Volumes(window => window < current);
        foreach (var key in buckets.Keys.Where(k => k.Window < current).ToList())
        {
            buckets.Remove(key);
        }

        return closed;
    }

    private List<FlowVolume> Volumes(Func<long, bool> include) =>
        buckets.Where(b => include(b.Key.Window))
            .Select(b => new FlowVolume(new DateTimeOffset(b.Key.Window * options.Window.Ticks, TimeSpan.Zero), b.Key.Kind, b.Key.Key, b.Value.Bytes, b.Value.Packets, b.Value.Flows))
            .OrderBy(v => v.WindowStart).ThenBy(v => v.Kind).ThenByDescending(v => v.Bytes).ThenBy(v => v.Key, StringComparer.Ordinal)
            .ToList();

    private string Prefix(System.Net.IPAddress address)
    {
        if (options.Prefixes is { } table && table.TryMatch(address, out var matched))
        {
            return matched.ToString();
        }

        var length = address.AddressFamily == AddressFamily.InterNetwork ? options.IPv4PrefixLength : options.IPv6PrefixLength;
        return IpPrefix.Of(address, length).ToString();
    }

    private void Bump(long window, FlowVolumeKind kind, string key, ulong bytes, ulong packets)
    {
        if (!buckets.TryGetValue((window, kind, key), out var totals))
        {
            totals = new Totals();
            buckets[(window, kind, key)] = totals;
        }

        totals.Bytes += bytes;
        totals.Packets += packets;
        totals.Flows++;
    }

    private sealed class Totals
    {
        public ulong Bytes;
        public ulong Packets;
        public long Flows;
    }
}
