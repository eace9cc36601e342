using BenchmarkDotNet.Attributes;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Bgp.Rib;

namespace OrleansNetOps.Benchmarks.Bgp;

/// <summary>
/// Loading the 500,000-route VPNv4 table of <see cref="SyntheticVpnTable"/> into <see cref="LabeledRib"/> versus the
/// obvious <c>Dictionary&lt;(RouteDistinguisher, IpPrefix), (PathAttributes, uint)&gt;</c>. Setup prints retained
/// bytes per route (GC.GetTotalMemory(true) deltas, attribute sets excluded), the number to set beside the unicast
/// <see cref="AdjRibInMemoryBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public class LabeledRibMemoryBenchmarks
{
    private const int Routes = 500_000;
    private static readonly AfiSafi Vpn4 = new(Afi.IPv4, Safi.MplsVpn);
    private LabeledNlri[] _routes = [];
    private PathAttributes[] _attributes = [];

    [GlobalSetup]
    public void Setup()
    {
        var table = SyntheticVpnTable.Create(Routes);
        _routes = table.Routes;
        _attributes = table.VpnAttributes;
        Console.WriteLine($"// {Routes} VPNv4 routes, {table.DistinctSets} distinct attribute sets");
        Console.WriteLine($"// LabeledRib retained: {RetainedMemory.Of(() => LoadLabeledRib()) / (double)Routes:F1} B/route (structure only, sets excluded)");
        Console.WriteLine($"// LabeledRib presized retained: {RetainedMemory.Of(() => LoadLabeledRibPresized()) / (double)Routes:F1} B/route (structure only, sets excluded)");
        Console.WriteLine($"// Dictionary<(RD, IpPrefix), (PathAttributes, label)> retained: {RetainedMemory.Of(() => LoadDictionary()) / (double)Routes:F1} B/route (structure only, sets excluded)");
    }

    /// <summary>Baseline: the obvious map from RD and prefix to attribute-set reference and label.</summary>
    [Benchmark(Baseline = true)]
    public Dictionary<(RouteDistinguisher, IpPrefix), (PathAttributes, uint)> LoadDictionary()
    {
        var table = new Dictionary<(RouteDistinguisher, IpPrefix), (PathAttributes, uint)>();
        for (var i = 0; i < _routes.Length; i++)
        {
            table[(_routes[i].Distinguisher!.Value, _routes[i].Prefix)] = (_attributes[i], _routes[i].Labels[0]);
        }

        return table;
    }

    /// <summary>The labelled store, growing as routes arrive.</summary>
    [Benchmark]
    public LabeledRib LoadLabeledRib() => Load(new LabeledRib(Vpn4));

    /// <summary>The labelled store sized for the table up front.</summary>
    [Benchmark]
    public LabeledRib LoadLabeledRibPresized() => Load(new LabeledRib(Vpn4, capacity: Routes));

    private LabeledRib Load(LabeledRib rib)
    {
        for (var i = 0; i < _routes.Length; i++)
        {
            rib.Announce(_routes[i], _attributes[i]);
        }

        return rib;
    }
}
