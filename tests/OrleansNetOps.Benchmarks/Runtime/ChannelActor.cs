using System.Threading.Channels;

namespace OrleansNetOps.Benchmarks.Runtime;

/// <summary>
/// The raw baseline: the same request/response hop through a bare channel with one consumer loop, no
/// runtime at all. A grain call can only cost more than this; the ratio is the runtime's price.
/// </summary>
public sealed class ChannelActor
{
    private readonly Channel<(int Value, TaskCompletionSource<int> Reply)> _inbox =
        Channel.CreateUnbounded<(int, TaskCompletionSource<int>)>(new UnboundedChannelOptions { SingleReader = true });

    private int _calls;

    public ChannelActor() => _ = Task.Run(ConsumeAsync);

    public Task<int> EchoAsync(int value)
    {
        var reply = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _inbox.Writer.TryWrite((value, reply));
        return reply.Task;
    }

    public void Stop() => _inbox.Writer.TryComplete();

    private async Task ConsumeAsync()
    {
        await foreach (var (value, reply) in _inbox.Reader.ReadAllAsync())
        {
            _calls++;
            reply.SetResult(value);
        }
    }
}
