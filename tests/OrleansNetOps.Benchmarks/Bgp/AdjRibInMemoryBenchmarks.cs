using BenchmarkDotNet.Attributes;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Mrt;
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
        var before = GC.GetTotalMemory(true);
        var pool = DistinctSets(out var lengths);
        var setBytes = GC.GetTotalMemory(true) - before;

        var random = new Random(20020722);
        var seen = new HashSet<IpPrefix>(Routes);
        _routes = new Nlri[Routes];
        _attributes = new PathAttributes[Routes];
        var totalLengths = lengths.Sum();
        var run = 0;
        PathAttributes current = pool[0];
        var used = new HashSet<PathAttributes>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < Routes;)
        {
            var pick = random.NextInt64(totalLengths);
            var length = 0;
            while (pick >= lengths[length])
            {
                pick -= lengths[length++];
            }

            var prefix = IpPrefix.FromIPv4((uint)random.NextInt64(1L << 32), length);
            if (!seen.Add(prefix))
            {
                continue;
            }

            if (run-- <= 0)
            {
                current = pool[random.Next(pool.Length)];
                run = random.Next(8);
            }

            used.Add(current);
            _routes[i] = new Nlri(prefix);
            _attributes[i] = current;
            i++;
        }

        Console.WriteLine($"// {Routes} routes, {used.Count} distinct attribute sets used of {pool.Length}; the {pool.Length} sets retain {setBytes} bytes ({(double)setBytes * used.Count / pool.Length / Routes:F1} B/route for the used ones)");
        Console.WriteLine($"// AdjRibIn retained: {Retained(() => LoadAdjRibIn()) / (double)Routes:F1} B/route (structure only, sets excluded)");
        Console.WriteLine($"// AdjRibIn presized retained: {Retained(() => LoadAdjRibInPresized()) / (double)Routes:F1} B/route (structure only, sets excluded)");
        Console.WriteLine($"// Dictionary<IpPrefix, PathAttributes> retained: {Retained(() => LoadDictionary()) / (double)Routes:F1} B/route (structure only, sets excluded)");
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

    private static long Retained(Func<object> load)
    {
        var before = GC.GetTotalMemory(true);
        var table = load();
        var after = GC.GetTotalMemory(true);
        GC.KeepAlive(table);
        return after - before;
    }

    /// <summary>The file's distinct attribute sets with their MED variants (first-seen order) and its IPv4 prefix-length histogram.</summary>
    private static PathAttributes[] DistinctSets(out long[] lengths)
    {
        var interner = new HashSet<PathAttributes>();
        var ordered = new List<PathAttributes>();
        lengths = new long[33];
        foreach (var record in MrtReader.Read(File.OpenRead(DataFile.Path("mrt", "bgpdump", "test_data", "bview.20020722.2337.gz"))).OfType<TableDumpRecord>())
        {
            if (record.Prefix.IsIPv6)
            {
                continue;
            }

            lengths[record.Prefix.Length]++;
            if (interner.Add(record.Attributes))
            {
                ordered.Add(record.Attributes);
                for (var variant = 1u; variant <= MedVariants; variant++)
                {
                    var derived = record.Attributes with { MultiExitDisc = (record.Attributes.MultiExitDisc ?? 0) + (variant * 10) };
                    if (interner.Add(derived))
                    {
                        ordered.Add(derived);
                    }
                }
            }
        }

        return ordered.ToArray();
    }
}
