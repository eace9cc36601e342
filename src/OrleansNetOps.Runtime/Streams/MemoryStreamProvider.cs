using System.Collections.Concurrent;

namespace OrleansNetOps.Runtime;

/// <summary>In-process streams: one bounded buffer and one ordered delivery loop per stream.</summary>
internal sealed class MemoryStreamProvider(string name, MemoryStreamOptions options, GrainRuntime runtime) : IStreamProvider
{
    private readonly ConcurrentDictionary<StreamId, object> _streams = new();

    public string Name => name;

    public IAsyncStream<T> GetStream<T>(StreamId streamId)
    {
        var stream = _streams.GetOrAdd(streamId, static (id, state) => new MemoryStream<T>(id, state.options, state.runtime),
            (options, runtime));
        return stream as IAsyncStream<T> ?? throw new InvalidOperationException(
            $"Stream {streamId} of provider '{name}' carries {stream.GetType().GetGenericArguments()[0].Name}, not {typeof(T).Name}.");
    }

    public async Task StopAsync()
    {
        foreach (var stream in _streams.Values.Cast<IStoppable>())
        {
            await stream.StopAsync().ConfigureAwait(false);
        }
    }

    internal interface IStoppable
    {
        Task StopAsync();
    }
}
