using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Benchmarks.Twin;

/// <summary>What-ifs on the demo (seed) topology; target ≤ 20 ms at p99. Baseline: the full recomputation.</summary>
[MemoryDiagnoser]
[Config(typeof(DemoConfig))]
public class DemoWhatIfBenchmarks
{
    private TwinState _baseline = null!;
    private WhatIfRequest _localPref = null!;
    private WhatIfRequest _sessionDown = null!;

    [GlobalSetup]
    public void Setup()
    {
        _baseline = TwinState.Converge(TwinTopology.Seed());
        _localPref = new WhatIfRequest([new CatalogueChange("R2", "LOCAL_PREF_ADJUST", new ActionParameters { Peer = "ISP-B", LocalPref = 200 })]);
        _sessionDown = new WhatIfRequest([new CatalogueChange("R1", "PEER_DEACTIVATE", new ActionParameters { Peer = "ISP-A" })]);
    }

    [Benchmark(Baseline = true)]
    public TwinState FullRecomputation() => _baseline.Recompute();

    [Benchmark]
    public WhatIfResult LocalPrefWhatIf() => WhatIfEngine.Run(_baseline, _localPref);

    [Benchmark]
    public WhatIfResult SessionDownWhatIf() => WhatIfEngine.Run(_baseline, _sessionDown);

    private sealed class DemoConfig : ManualConfig
    {
        public DemoConfig()
        {
            AddColumn(BenchmarkDotNet.Columns.StatisticColumn.P95);
            AddColumn(new P99Column());
        }
    }
}
