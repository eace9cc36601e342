using BenchmarkDotNet.Attributes;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Topology;
using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.Model;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Benchmarks.Twin;

/// <summary>
/// A LOCAL_PREF change on R1 towards ISP-A when ISP-A announces a 1 M-prefix table: every one of those prefixes changes
/// best path on all five routers. Incremental what-if (fork + work-list) against converging the changed network from
/// scratch. Target: incremental ≤ 1 s.
/// </summary>
[MemoryDiagnoser]
public class FullTableWhatIfBenchmarks
{
    private NetworkTopology _topology = null!;
    private TwinState _baseline = null!;
    private TwinInputs _changed = null!;
    private WhatIfRequest _request = null!;

    [Params(1_000_000)]
    public int Prefixes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _topology = TwinTopology.WithFullTable(Prefixes);
        _baseline = TwinState.Converge(_topology);
        var parameters = new ActionParameters { Peer = "ISP-A", LocalPref = 200 };
        _request = new WhatIfRequest([new CatalogueChange("R1", "LOCAL_PREF_ADJUST", parameters)]);
        var policy = PolicyEdit.For(TwinAction.LocalPrefAdjust, parameters, DefaultPolicies.For(_topology, "R1"), _topology.Asn).Policy;
        _changed = new TwinInputs { Policies = new Dictionary<string, RoutingPolicy> { ["R1"] = policy } };
    }

    [Benchmark(Baseline = true)]
    public TwinState FullRecomputation() => TwinState.Converge(_topology, _changed);

    [Benchmark]
    public WhatIfResult IncrementalWhatIf() => WhatIfEngine.Run(_baseline, _request);
}
