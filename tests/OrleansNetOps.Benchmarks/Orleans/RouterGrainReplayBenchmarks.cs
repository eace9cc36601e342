using System.Buffers;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using IHost = Microsoft.Extensions.Hosting.IHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansNetOps.Benchmarks.Bgp;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Monitoring;
using OrleansNetOps.Grains.Network;

namespace OrleansNetOps.Benchmarks.Orleans;

/// <summary>
/// A full IPv4 table (1,000,000 prefixes, the synthetic table of <see cref="BmpFullTableBenchmarks"/>) replayed as raw
/// BMP frame batches straight into a router grain on a real in-process silo, which decodes them into its
/// <see cref="MonitoredRouter"/>; the baseline decodes the same frames and drops them. Figures are per route
/// (OperationsPerInvoke), so routes/s is 10⁹ / ns. Setup prints the memory a router grain keeps per route held,
/// beside a bare <see cref="MonitoredRouter"/> holding the same table.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class RouterGrainReplayBenchmarks
{
    private const int Prefixes = 1_000_000;
    private const int FramesPerBatch = 256;
    private BmpFrameBatch[] _batches = [];
    private IHost? _silo;
    private IRouterGrain? _router;
    private int _session;

    [GlobalSetup]
    public async Task Setup()
    {
        var stream = BmpFullTableBenchmarks.Encode(SyntheticFullTable.Create(Prefixes));
        _batches = Split(stream);
        Console.WriteLine($"// BMP stream: {stream.Length:N0} bytes, {_batches.Sum(b => b.Count):N0} messages in {_batches.Length:N0} batches of {FramesPerBatch} frames");
        _silo = await InProcessSilo.StartAsync();
        _router = _silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IRouterGrain>("R1");

        var bare = RetainedMemory.Of(() => DecodeInto(new MonitoredRouter()));
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var held = await ReplayAsync(close: false);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// Retained per route: router grain {(after - before) / (double)held:F1} B ({held:N0} routes held), bare MonitoredRouter {bare / (double)Prefixes:F1} B");
        await _router.ReceiveAsync(new BmpDelivery(Connection(), DateTimeOffset.UtcNow, BmpFrameBatch.Empty(0), Simulated: false, Closed: true));
    }

    [GlobalCleanup]
    public Task Cleanup() => InProcessSilo.StopAsync(_silo);

    [Benchmark(Baseline = true, OperationsPerInvoke = Prefixes, Description = "decode only")]
    public long DecodeOnly()
    {
        var reader = new BmpReader();
        long decoded = 0;
        foreach (var batch in _batches)
        {
            foreach (var (_, message) in batch.Messages())
            {
                decoded += reader.Decode(message.Span) is BmpRouteMonitoring ? 1 : 0;
            }
        }

        return decoded;
    }

    [Benchmark(OperationsPerInvoke = Prefixes, Description = "replay into router grain")]
    public Task<long> IntoRouterGrain() => ReplayAsync(close: true);

    /// <summary>One BMP session: every batch in order, then the routes held (which must be the whole table).</summary>
    private async Task<long> ReplayAsync(bool close)
    {
        var connection = $"replay-{++_session}";
        var at = DateTimeOffset.UtcNow;
        foreach (var batch in _batches)
        {
            var outcome = await _router!.ReceiveAsync(new BmpDelivery(connection, at, batch, Simulated: false));
            if (outcome.Disposition != BmpBatchDisposition.Applied)
            {
                throw new InvalidOperationException($"batch {outcome.Disposition}: {string.Join("; ", outcome.Rejects)}");
            }
        }

        var held = (await _router!.GetSummaryAsync()).RoutesHeld;
        if (held != Prefixes)
        {
            throw new InvalidOperationException($"{held} routes held, expected {Prefixes}");
        }

        if (close)
        {
            // Ends the session, so the next replay starts a fresh view as a reconnecting router's would.
            await _router.ReceiveAsync(new BmpDelivery(connection, at, BmpFrameBatch.Empty(0), Simulated: false, Closed: true));
        }

        return held;
    }

    private string Connection() => $"replay-{_session}";

    private MonitoredRouter DecodeInto(MonitoredRouter router)
    {
        var reader = new BmpReader();
        var at = DateTimeOffset.UtcNow;
        foreach (var batch in _batches)
        {
            foreach (var (_, message) in batch.Messages())
            {
                router.Apply(reader.Decode(message.Span), at);
            }
        }

        return router;
    }

    // Frames as the collector hands them on: whole messages, a few hundred per batch, with their stream offsets.
    private static BmpFrameBatch[] Split(byte[] stream)
    {
        var batches = new List<BmpFrameBatch>();
        var builder = new BmpFrameBatchBuilder();
        var offset = 0L;
        var sequence = new ReadOnlySequence<byte>(stream);
        while (BmpFraming.Frame(sequence) is { Status: BmpFrameStatus.Complete } frame)
        {
            builder.Add(sequence.Slice(0, frame.Length), offset);
            offset += frame.Length;
            sequence = sequence.Slice(frame.Length);
            if (builder.Count == FramesPerBatch)
            {
                batches.Add(builder.Take(offset));
            }
        }

        if (builder.Count > 0)
        {
            batches.Add(builder.Take(offset));
        }

        return [.. batches];
    }
}
