using BenchmarkDotNet.Attributes;
using OrleansNetOps.Runtime;

namespace OrleansNetOps.Benchmarks.Runtime;

/// <summary>One caller, one hot target, one call in flight at a time: the latency of a hop.</summary>
[MemoryDiagnoser]
public class GrainCallBenchmarks
{
    private const int Calls = 1000;
    private BenchSilo _silo = null!;
    private IBenchGrain _grain = null!;
    private ChannelActor _actor = null!;

    [GlobalSetup]
    public void Setup()
    {
        _silo = BenchSilo.Start();
        _grain = _silo.Grains.GetGrain<IBenchGrain>("hot");
        _grain.EchoAsync(0).GetAwaiter().GetResult();
        _actor = new ChannelActor();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _actor.Stop();
        _silo.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls, Description = "raw channel hop")]
    public async Task<int> ChannelHop()
    {
        var sum = 0;
        for (var i = 0; i < Calls; i++)
        {
            sum += await _actor.EchoAsync(i);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Calls, Description = "grain call (active, local)")]
    public async Task<int> GrainCall()
    {
        var sum = 0;
        for (var i = 0; i < Calls; i++)
        {
            sum += await _grain.EchoAsync(i);
        }

        return sum;
    }
}
