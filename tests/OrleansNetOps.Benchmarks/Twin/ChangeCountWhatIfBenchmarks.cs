using System.Globalization;
using BenchmarkDotNet.Attributes;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Benchmarks.Twin;

/// <summary>
/// What-if cost against the number of changes in one request: 100 (baseline), 1,000 and 10,000 changes. Linear work
/// shows as ratios near 10 and 100. Networks: the demo (seed) topology, and the seed with ISP-A announcing a
/// 100,000-prefix table. Shapes: <c>session</c> — LOCAL_PREF_ADJUST on whole sessions, spread over every router and
/// neighbour; <c>prefix</c> — LOCAL_PREF_ADJUST on R1 from ISP-A, one prefix per change (the policy grows with every
/// change: the case that was quadratic).
/// </summary>
[MemoryDiagnoser]
public class ChangeCountWhatIfBenchmarks
{
    private TwinState _baseline = null!;
    private WhatIfRequest _hundred = null!;
    private WhatIfRequest _thousand = null!;
    private WhatIfRequest _tenThousand = null!;

    [Params("demo", "table-100k")]
    public string Network { get; set; } = "demo";

    [Params("session", "prefix")]
    public string Shape { get; set; } = "session";

    [GlobalSetup]
    public void Setup()
    {
        var topology = Network == "demo" ? TwinTopology.Seed() : TwinTopology.WithFullTable(100_000);
        _baseline = TwinState.Converge(topology);
        _hundred = Request(100);
        _thousand = Request(1_000);
        _tenThousand = Request(10_000);
    }

    [Benchmark(Baseline = true)]
    public WhatIfResult Changes100() => WhatIfEngine.Run(_baseline, _hundred);

    [Benchmark]
    public WhatIfResult Changes1000() => WhatIfEngine.Run(_baseline, _thousand);

    [Benchmark]
    public WhatIfResult Changes10000() => WhatIfEngine.Run(_baseline, _tenThousand);

    private WhatIfRequest Request(int count)
    {
        var sessions = _baseline.Model.Nodes.Where(n => n.IsOurs).SelectMany(n => n.Sessions.Select(s => (Router: n.Id, Peer: s.PeerId))).ToList();
        var changes = new List<TwinChange>(count);
        for (var i = 0; i < count; i++)
        {
            var localPref = 100 + (i % 400);
            if (Shape == "session")
            {
                var (router, peer) = sessions[i % sessions.Count];
                changes.Add(new CatalogueChange(router, "LOCAL_PREF_ADJUST", new ActionParameters { Peer = peer, LocalPref = localPref }));
            }
            else
            {
                // The table's /24s from 16.0.0.0 upwards (on the demo network they are unknown prefixes: policy work only).
                var prefix = string.Create(CultureInfo.InvariantCulture, $"16.{(i >> 8) & 255}.{i & 255}.0/24");
                changes.Add(new CatalogueChange("R1", "LOCAL_PREF_ADJUST", new ActionParameters { Peer = "ISP-A", LocalPref = localPref, Prefixes = [prefix] }));
            }
        }

        return new WhatIfRequest(changes);
    }
}
