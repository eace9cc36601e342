using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using OrleansNetOps.Runtime;

namespace OrleansNetOps.Benchmarks.Runtime;

/// <summary>Publish → deliver through a memory stream with one subscriber, beside a bare bounded channel.</summary>
[MemoryDiagnoser]
public class StreamBenchmarks
{
    private const int Events = 10_000;
    private BenchSilo _silo = null!;
    private IAsyncStream<int> _stream = null!;
    private volatile TaskCompletionSource _streamDone = new();
    private int _streamSeen;

    [GlobalSetup]
    public void Setup()
    {
        _silo = BenchSilo.Start();
        _stream = _silo.Streams.GetStream<int>(StreamId.Create("bench", "s"));
        _stream.SubscribeAsync((item, _) =>
        {
            if (++_streamSeen == Events)
            {
                _streamDone.TrySetResult();
            }

            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _silo.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Events, Description = "bare bounded channel")]
    public async Task Channel()
    {
        var channel = System.Threading.Channels.Channel.CreateBounded<int>(new BoundedChannelOptions(4096) { SingleReader = true });
        var consumer = Task.Run(async () =>
        {
            var seen = 0;
            await foreach (var _ in channel.Reader.ReadAllAsync())
            {
                if (++seen == Events)
                {
                    return;
                }
            }
        });
        for (var i = 0; i < Events; i++)
        {
            await channel.Writer.WriteAsync(i);
        }

        await consumer;
    }

    [Benchmark(OperationsPerInvoke = Events, Description = "memory stream publish → deliver")]
    public async Task Stream()
    {
        _streamSeen = 0;
        _streamDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var i = 0; i < Events; i++)
        {
            await _stream.OnNextAsync(i);
        }

        await _streamDone.Task;
    }
}
