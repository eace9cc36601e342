using BenchmarkDotNet.Attributes;
using OrleansNetOps.Analytics.Bgp;
using OrleansNetOps.Benchmarks.Bgp;
using OrleansNetOps.Bgp.Mrt;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Benchmarks.BgpDetectors;

/// <summary>
/// The BGP detectors over a whole update file: the 2015 RouteViews BGP4MP_ET dump of one peer sending its full table
/// (577,740 prefix updates, 577,706 prefixes), decoded once in setup. The baseline is the least an origin tracker
/// must do: a dictionary from prefix to its last origin AS. Divide 577,740 by the mean for prefix updates per second.
/// Setup also prints what the origin monitor and the learned more-specific table retain per prefix.
/// </summary>
[MemoryDiagnoser]
public class BgpDetectorBenchmarks
{
    private RouteUpdate[] _updates = [];

    [GlobalSetup]
    public void Setup()
    {
        var updates = new List<RouteUpdate>();
        foreach (var record in MrtReader.Read(File.OpenRead(DataFile.Path("mrt", "bgpdump", "test_data", "updates.et-header.2015.gz"))))
        {
            if (record is Bgp4mpMessageRecord message)
            {
                updates.AddRange(MrtFeed.Updates(message, "route-views"));
            }
        }

        _updates = [.. updates];
        var prefixes = _updates.Select(u => u.Prefix).Distinct().Count();
        Console.WriteLine($"// {_updates.Length} prefix updates, {prefixes} prefixes");
        Console.WriteLine($"// OrleansNetOps origin monitor retains {Retained(OriginMonitor) / (double)prefixes:F0} B/prefix");
        Console.WriteLine($"// more-specific detector (learned ownership) retains {Retained(MoreSpecificLearned) / (double)prefixes:F0} B/prefix");
        Console.WriteLine($"// baseline Dictionary<IpPrefix, uint> retains {Retained(LastOriginDictionary) / (double)prefixes:F0} B/prefix");
    }

    /// <summary>Baseline: remember each prefix's last origin.</summary>
    [Benchmark(Baseline = true)]
    public object LastOriginDictionary()
    {
        var origins = new Dictionary<IpPrefix, uint>();
        foreach (var update in _updates)
        {
            if (update.Path?.OriginAsn is { } origin)
            {
                origins[update.Prefix] = origin;
            }
        }

        return origins;
    }

    /// <summary>Origins over time, new origins and MOAS.</summary>
    [Benchmark]
    public object OriginMonitor()
    {
        var monitor = new OriginMonitor();
        foreach (var update in _updates)
        {
            monitor.Observe(update);
        }

        return monitor;
    }

    /// <summary>More-specifics inside space whose owner is learned from the announcements themselves.</summary>
    [Benchmark]
    public object MoreSpecificLearned()
    {
        var detector = new MoreSpecificHijackDetector(new PrefixOwnership([]), new MoreSpecificOptions { LearnFromAnnouncements = true });
        foreach (var update in _updates)
        {
            detector.Observe(update);
        }

        return detector;
    }

    /// <summary>Valley-free check of every path by the Tier-1 rule.</summary>
    [Benchmark]
    public int RouteLeaksTier1()
    {
        var detector = new RouteLeakDetector(AsRelationships.Empty.WithTier1(AsRelationships.WellKnownTier1));
        var leaks = 0;
        foreach (var update in _updates)
        {
            if (detector.ObserveReceived(update) is not null)
            {
                leaks++;
            }
        }

        return leaks;
    }

    /// <summary>Update rates per session against their learned rate.</summary>
    [Benchmark]
    public object ChurnStorms()
    {
        var detector = new ChurnStormDetector();
        foreach (var update in _updates)
        {
            detector.Observe(update);
        }

        return detector;
    }

    private static long Retained(Func<object> build)
    {
        var before = GC.GetTotalMemory(true);
        var built = build();
        var after = GC.GetTotalMemory(true);
        GC.KeepAlive(built);
        return after - before;
    }
}
