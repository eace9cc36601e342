using System.Collections.Concurrent;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Collectors.Bmp;

namespace OrleansNetOps.Collectors.Tests;

/// <summary>Keeps what the collector delivered, per connection, in order.</summary>
public sealed class RecordingSink : IBmpBatchSink
{
    public ConcurrentDictionary<string, ConcurrentQueue<BmpMessage>> Messages { get; } = new();

    public ConcurrentDictionary<string, BmpConnection> Closed { get; } = new();

    public ValueTask DeliverAsync(BmpConnection connection, IReadOnlyList<BmpMessage> messages, bool closed, CancellationToken cancellationToken)
    {
        var queue = Messages.GetOrAdd(connection.Id, _ => new ConcurrentQueue<BmpMessage>());
        foreach (var message in messages)
        {
            queue.Enqueue(message);
        }

        if (closed)
        {
            Closed[connection.Id] = connection;
        }

        return ValueTask.CompletedTask;
    }
}
