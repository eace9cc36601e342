using BenchmarkDotNet.Attributes;
using OrleansNetOps.Runtime;

namespace OrleansNetOps.Benchmarks.Runtime;

/// <summary>
/// Aggregate throughput: 1,000 targets, every one with many calls in flight from concurrent callers,
/// beside the same load on 1,000 bare channel consumers; and one grain fanning out to 1,000 others.
/// </summary>
[MemoryDiagnoser]
public class GrainThroughputBenchmarks
{
    private const int Targets = 1000;
    private const int CallsPerTarget = 100;
    private const int TotalCalls = Targets * CallsPerTarget;
    private BenchSilo _silo = null!;
    private IBenchGrain[] _grains = null!;
    private ChannelActor[] _actors = null!;
    private IBenchGrain _fanOut = null!;

    [GlobalSetup]
    public void Setup()
    {
        _silo = BenchSilo.Start();
        _grains = [.. BenchSilo.Keys.Select(k => _silo.Grains.GetGrain<IBenchGrain>(k))];
        Task.WhenAll(_grains.Select(g => g.EchoAsync(0))).GetAwaiter().GetResult();
        _actors = [.. Enumerable.Range(0, Targets).Select(_ => new ChannelActor())];
        _fanOut = _silo.Grains.GetGrain<IBenchGrain>("fan-out");
        _fanOut.FanOutAsync(Targets).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var actor in _actors)
        {
            actor.Stop();
        }

        _silo.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = TotalCalls, Description = "1,000 channel consumers")]
    public Task ChannelConsumers() => Drive(i => _actors[i % Targets].EchoAsync(i));

    [Benchmark(OperationsPerInvoke = TotalCalls, Description = "1,000 grains, concurrent callers")]
    public Task Grains() => Drive(i => _grains[i % Targets].EchoAsync(i));

    [Benchmark(OperationsPerInvoke = TotalCalls, Description = "grain fan-out to 1,000 grains")]
    public async Task FanOut()
    {
        for (var i = 0; i < CallsPerTarget; i++)
        {
            await _fanOut.FanOutAsync(Targets);
        }
    }

    // Two caller tasks per core keep every core issuing calls; each caller keeps its calls in flight together.
    private static Task Drive(Func<int, Task<int>> call) =>
        Task.WhenAll(Enumerable.Range(0, Environment.ProcessorCount * 2).Select(caller => Task.Run(async () =>
        {
            var callers = Environment.ProcessorCount * 2;
            var batch = new Task<int>[Targets];
            for (var round = caller; round < CallsPerTarget; round += callers)
            {
                for (var t = 0; t < Targets; t++)
                {
                    batch[t] = call((round * Targets) + t);
                }

                await Task.WhenAll(batch);
            }
        })));
}
