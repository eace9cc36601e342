using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Mrt;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Benchmarks.Bgp;

/// <summary>
/// A deterministic full IPv4 table for benchmarks: prefix lengths follow the 2002 RIPE RIS table's histogram;
/// attribute sets are that file's 20,934 real distinct sets, each also in MED variants (as one path learned over
/// several links), assigned in runs of 1–8 adjacent routes as aggregated announcements arrive.
/// </summary>
internal sealed class SyntheticFullTable
{
    private SyntheticFullTable(Nlri[] routes, PathAttributes[] attributes, int distinctUsed, int pool, long poolBytes)
    {
        Routes = routes;
        Attributes = attributes;
        DistinctUsed = distinctUsed;
        PoolSize = pool;
        PoolBytes = poolBytes;
    }

    public Nlri[] Routes { get; }

    public PathAttributes[] Attributes { get; }

    public int DistinctUsed { get; }

    public int PoolSize { get; }

    public long PoolBytes { get; }

    public static SyntheticFullTable Create(int count, int medVariants = 3, int seed = 20020722)
    {
        var before = GC.GetTotalMemory(true);
        var pool = DistinctSets(medVariants, out var lengths);
        var poolBytes = GC.GetTotalMemory(true) - before;

        var random = new Random(seed);
        var seen = new HashSet<IpPrefix>(count);
        var routes = new Nlri[count];
        var attributes = new PathAttributes[count];
        var totalLengths = lengths.Sum();
        var run = 0;
        var current = pool[0];
        var used = new HashSet<PathAttributes>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < count;)
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
            routes[i] = new Nlri(prefix);
            attributes[i] = current;
            i++;
        }

        return new SyntheticFullTable(routes, attributes, used.Count, pool.Length, poolBytes);
    }

    /// <summary>The file's distinct attribute sets with their MED variants (first-seen order) and its IPv4 prefix-length histogram.</summary>
    private static PathAttributes[] DistinctSets(int medVariants, out long[] lengths)
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
                for (var variant = 1u; variant <= medVariants; variant++)
                {
                    var derived = record.Attributes with { MultiExitDisc = (record.Attributes.MultiExitDisc ?? 0) + (variant * 10) };
                    if (interner.Add(derived))
                    {
                        ordered.Add(derived);
                    }
                }
            }
        }

        return [.. ordered];
    }
}
