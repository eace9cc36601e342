using BenchmarkDotNet.Attributes;
using OrleansNetOps.Analytics.Bgp;
using OrleansNetOps.Benchmarks.Bgp;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Monitoring;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Benchmarks.RouteAnalysis;

/// <summary>
/// The route detectors (<see cref="RouteAnalyst"/>: leaks, origins and MOAS, more-specifics, churn) over a real full
/// table reported over BMP (<see cref="RealTableFrames"/>), beside what a router's view costs without them: the same
/// frames decoded and applied into a <see cref="MonitoredRouter"/> (its Adj-RIB-In). The third row is both, as a silo
/// with <c>analysis.routeDetectors</c> does. Divide the prefix updates printed in setup by the mean for updates per
/// second; setup also prints what each retains per prefix.
/// </summary>
[MemoryDiagnoser]
public class RouteAnalystBenchmarks
{
    private static readonly DateTimeOffset At = new(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private RealTableFrames _table = null!;
    private NetworkTopology _topology = null!;

    [GlobalSetup]
    public void Setup()
    {
        _table = RealTableFrames.Load();
        _topology = TopologyLoader.Parse("asn: 65001\nrouters:\n  - { id: R1, routerId: 198.51.100.1 }\n", "bench-topology.yaml");
        var router = (MonitoredRouter)RouterView();
        var analyst = (RouteAnalyst)Detectors();
        Console.WriteLine($"// {_table.Frames.Length:N0} BMP messages, {_table.PrefixUpdates:N0} prefix updates; router view holds {router.TotalRoutes:N0} routes, route analyst tracks {analyst.TrackedPrefixes:N0} prefixes");
        Console.WriteLine($"// MonitoredRouter retains {RetainedMemory.Of(RouterView) / (double)router.TotalRoutes:F1} B/prefix");
        Console.WriteLine($"// RouteAnalyst retains {RetainedMemory.Of(Detectors) / (double)analyst.TrackedPrefixes:F1} B/prefix");
    }

    /// <summary>Baseline: the router's view without detectors.</summary>
    [Benchmark(Baseline = true, Description = "MonitoredRouter apply (no detectors)")]
    public object RouterView()
    {
        var router = new MonitoredRouter();
        var reader = new BmpReader();
        foreach (var frame in _table.Frames)
        {
            router.Apply(reader, frame, At);
        }

        return router;
    }

    /// <summary>The route detectors alone, decoding the frames with their own reader.</summary>
    [Benchmark(Description = "RouteAnalyst")]
    public object Detectors()
    {
        var analyst = new RouteAnalyst("R1", _topology);
        foreach (var frame in _table.Frames)
        {
            analyst.Observe(frame, At);
        }

        return analyst;
    }

    /// <summary>The router's view and its detectors, one after the other per frame.</summary>
    [Benchmark(Description = "MonitoredRouter + RouteAnalyst")]
    public object Both()
    {
        var router = new MonitoredRouter();
        var reader = new BmpReader();
        var analyst = new RouteAnalyst("R1", _topology);
        foreach (var frame in _table.Frames)
        {
            router.Apply(reader, frame, At);
            analyst.Observe(frame, At);
        }

        return (router, analyst);
    }
}
