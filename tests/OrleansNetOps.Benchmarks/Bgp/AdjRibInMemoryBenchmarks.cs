using BenchmarkDotNet.Attributes;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Bgp.Rib;

namespace OrleansNetOps.Benchmarks.Bgp;

/// <summary>
/// Loading a synthetic 1,000,000-route IPv4 table into <see cref="AdjRibIn"/> versus a plain
/// <c>Dictionary&lt;IpPrefix, PathAttributes&gt;</c>. Prefix lengths follow the 2002 RIPE RIS table's
/// histogram; attribute sets are the file's 20,934 real distinct sets, each also in three variants that
/// differ only in MED (as one path learned over several links does), about 84,000 sets in all, assigned
/// in runs of 1–8 adjacent routes as aggregated announcements arrive. Everything is seeded, so every run loads the
/// same table. Setup prints retained bytes per route (GC.GetTotalMemory(true) deltas), which the
/// Allocated column cannot show because it also counts rehash garbage.
/// </summary>
[MemoryDiagnoser]
public class AdjRibInMemoryBenchmarks
{
    private const int Routes = 1_000_000;
    private const int MedVariants = 3;
    private Nlri[] _routes = [];
    private PathAttributes[] _attributes = [];

    [GlobalSetup]
    public void Setup()
    {
        var table = SyntheticFullTable.Create(Routes, MedVariants);
        _routes = table.Routes;
        _attributes = table.Attributes;
        var used = table.DistinctUsed;
        var setBytes = table.PoolBytes;
        Console.WriteLine($"// {Routes} routes, {used} distinct attribute sets used of {table.PoolSize}; the {table.PoolSize} sets retain {setBytes} bytes ({(double)setBytes * used / table.PoolSize / Routes:F1} B/route for the used ones)");
        Console.WriteLine($"// AdjRibIn retained: {RetainedMemory.Of(() => LoadAdjRibIn()) / (double)Routes:F1} B/route (structure only, sets excluded)");
        Console.WriteLine($"// AdjRibIn presized retained: {RetainedMemory.Of(() => LoadAdjRibInPresized()) / (double)Routes:F1} B/route (structure only, sets excluded)");
        Console.WriteLine($"// Dictionary<IpPrefix, PathAttributes> retained: {RetainedMemory.Of(() => LoadDictionary()) / (double)Routes:F1} B/route (structure only, sets excluded)");
    }

    /// <summary>Baseline: the obvious map from prefix to attribute-set reference.</summary>
    [Benchmark(Baseline = true)]
    public Dictionary<IpPrefix, PathAttributes> LoadDictionary()
    {
        var table = new Dictionary<IpPrefix, PathAttributes>();
        for (var i = 0; i < _routes.Length; i++)
        {
            table[_routes[i].Prefix] = _attributes[i];
        }

        return table;
    }

    /// <summary>The compact store, growing as routes arrive (a BMP table transfer of unknown size).</summary>
    [Benchmark]
    public AdjRibIn LoadAdjRibIn()
    {
        var rib = new AdjRibIn(Afi.IPv4);
        for (var i = 0; i < _routes.Length; i++)
        {
            rib.Announce(_routes[i], _attributes[i]);
        }

        return rib;
    }

    /// <summary>The compact store sized for a full table up front.</summary>
    [Benchmark]
    public AdjRibIn LoadAdjRibInPresized()
    {
        var rib = new AdjRibIn(Afi.IPv4, capacity: Routes);
        for (var i = 0; i < _routes.Length; i++)
        {
            rib.Announce(_routes[i], _attributes[i]);
        }

        return rib;
    }
}
