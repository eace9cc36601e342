using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansNetOps.Grains.Network;

namespace OrleansNetOps.Benchmarks.Orleans;

/// <summary>
/// A grain call on a real in-process Orleans silo (the peer grain's <c>GetHistoryAsync</c>: a turn on the grain's
/// scheduler, a deep copy of the returned history) against the same call on a plain object (a local async call), one
/// caller at a time and 1,000 grains called at once. Figures are per call (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GrainCallBenchmarks
{
    private const int Sequential = 1_000;
    private const int Grains = 1_000;
    private IHost? _silo;
    private IBgpPeerGrain[] _grains = [];
    private IBgpPeerGrain[] _locals = [];

    [GlobalSetup]
    public async Task Setup()
    {
        _silo = await InProcessSilo.StartAsync();
        var factory = _silo.Services.GetRequiredService<IGrainFactory>();
        _grains = [.. Enumerable.Range(0, Grains).Select(i => factory.GetGrain<IBgpPeerGrain>($"R1|203.0.113.{i % 250}:{i}"))];
        _locals = [.. Enumerable.Range(0, Grains).Select(_ => (IBgpPeerGrain)new LocalPeer())];
        // Activate every grain first: the figures are calls, not activations.
        await Task.WhenAll(_grains.Select(g => g.GetHistoryAsync()));
    }

    [GlobalCleanup]
    public Task Cleanup() => InProcessSilo.StopAsync(_silo);

    [Benchmark(Baseline = true, OperationsPerInvoke = Sequential, Description = "local async call")]
    [BenchmarkCategory("one caller")]
    public async Task<int> LocalSequential()
    {
        var sum = 0;
        for (var i = 0; i < Sequential; i++)
        {
            sum += (await _locals[0].GetHistoryAsync()).FlapCount;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Sequential, Description = "grain call")]
    [BenchmarkCategory("one caller")]
    public async Task<int> GrainSequential()
    {
        var sum = 0;
        for (var i = 0; i < Sequential; i++)
        {
            sum += (await _grains[0].GetHistoryAsync()).FlapCount;
        }

        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Grains, Description = "1,000 local async calls at once")]
    [BenchmarkCategory("1,000 at once")]
    public async Task<int> LocalConcurrent() => (await Task.WhenAll(_locals.Select(CallOnThreadPool))).Sum();

    [Benchmark(OperationsPerInvoke = Grains, Description = "1,000 grains called at once")]
    [BenchmarkCategory("1,000 at once")]
    public async Task<int> GrainConcurrent() => (await Task.WhenAll(_grains.Select(CallOnThreadPool))).Sum();

    // Concurrent callers: each call starts from the thread pool, as requests of many API clients would.
    private static Task<int> CallOnThreadPool(IBgpPeerGrain peer) => Task.Run(async () => (await peer.GetHistoryAsync()).FlapCount);

    /// <summary>The same interface on a plain object: what a call costs without the runtime.</summary>
    private sealed class LocalPeer : IBgpPeerGrain
    {
        private readonly PeerHistory _history = new();

        public async Task<PeerHistory> GetHistoryAsync()
        {
            await Task.Yield();
            return _history;
        }

        public Task<PeerHistory> RecordAsync(OrleansNetOps.Grains.Network.SessionChange change) => throw new NotSupportedException();
    }
}
