using System.Collections.Immutable;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Topology;
using OrleansNetOps.Twin.Checks;
using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.Sla;

namespace OrleansNetOps.Silo.Simulation;

/// <summary>
/// What the demo's users ask for: bytes per second toward each outside destination prefix, from the data centre.
/// The destinations that leave through the loaded ISP on the network as configured (and that the simulation never
/// withdraws) share its load by weight 1 : 2 : 3 … in prefix order (so they differ in size and a narrow shift has something to choose
/// from); every other ISP carries <see cref="BackgroundShare"/> of its capacity, spread evenly over the destinations
/// that leave through it. Where the traffic really goes is the routing's business (<see cref="SimulatedRoutes"/>):
/// this is demand, not load.
/// </summary>
public sealed class SimulatedDemand
{
    /// <summary>The utilisation every ISP but the loaded one sees from its own destinations.</summary>
    public const double BackgroundShare = 0.4;

    private readonly ImmutableArray<(IpPrefix Prefix, double Weight)> _hot;
    private readonly ImmutableArray<TrafficVolume> _background;
    private readonly double _hotCapacityBytes;

    private SimulatedDemand(ImmutableArray<(IpPrefix, double)> hot, ImmutableArray<TrafficVolume> background, double hotCapacityBytes)
    {
        _hot = hot;
        _background = background;
        _hotCapacityBytes = hotCapacityBytes;
    }

    /// <summary>
    /// The destinations that load <paramref name="isp"/> on <paramref name="configured"/> (the network before any event or
    /// change), leaving out <paramref name="unsteady"/>: destinations the simulation withdraws now and then, whose
    /// traffic would come and go with them.
    /// </summary>
    public static SimulatedDemand Toward(NetworkTopology topology, TwinState configured, string isp, IEnumerable<IpPrefix> unsteady)
    {
        ArgumentNullException.ThrowIfNull(unsteady);
        var skipped = unsteady.ToHashSet();
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(configured);
        var provider = topology.Isp(isp) ?? throw new ArgumentException($"'{isp}' is not an ISP of topology '{topology.Name}'", nameof(isp));
        var source = Sources(topology)[0];
        var ours = topology.Routers.SelectMany(r => r.Originates).ToList();
        var egress = configured.Prefixes
            .Where(p => !ours.Any(o => o.Contains(p)) && !skipped.Contains(p))
            .Order()
            .Select(p => (Prefix: p, Isp: ForwardingWalk.From(configured, source, p).EgressIsp))
            .Where(e => e.Isp is not null)
            .ToList();
        var hot = egress.Where(e => e.Isp == isp).Select((e, i) => (e.Prefix, Weight: i + 1.0)).ToList();
        var total = hot.Sum(h => h.Weight);
        var background = egress.Where(e => e.Isp != isp).GroupBy(e => e.Isp!).SelectMany(g =>
        {
            var capacity = (topology.Isp(g.Key)?.CapacityGbps ?? 0) * 1e9 / 8;
            return g.Select(e => new TrafficVolume(e.Prefix, BackgroundShare * capacity / g.Count()));
        });
        return new SimulatedDemand([.. hot.Select(h => (h.Prefix, h.Weight / total))], [.. background], provider.CapacityGbps * 1e9 / 8);
    }

    /// <summary>Our routers the traffic starts from: those that originate prefixes (the data centre), else all.</summary>
    public static IReadOnlyList<string> Sources(NetworkTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var originating = topology.Routers.Where(r => r.Originates.Count > 0).Select(r => r.Id).ToList();
        return originating.Count > 0 ? originating : [.. topology.Routers.Select(r => r.Id)];
    }

    /// <summary>The destinations that load the ISP, with their share of its traffic.</summary>
    public ImmutableArray<(IpPrefix Prefix, double Weight)> Hot => _hot;

    /// <summary>The demand when the loaded ISP's destinations ask for <paramref name="utilisation"/> of its capacity (0..1).</summary>
    public IReadOnlyList<TrafficVolume> At(double utilisation) =>
        [.. _hot.Select(h => new TrafficVolume(h.Prefix, utilisation * _hotCapacityBytes * h.Weight)), .. _background];
}
