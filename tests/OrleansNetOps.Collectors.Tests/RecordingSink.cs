using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Wire;
using OrleansNetOps.Collectors.Bmp;

namespace OrleansNetOps.Collectors.Tests;

/// <summary>
/// Decodes what the collector delivers as the router grain does (one reader per connection, malformed messages
/// reported back) and keeps it per connection, in order. It can stand by for sessions of a router it already follows.
/// </summary>
public sealed class RecordingSink(Func<string?, IPAddress?, string?>? match = null) : IBmpBatchSink
{
    private readonly ConcurrentDictionary<string, BmpReader> _readers = new();

    public ConcurrentDictionary<string, ConcurrentQueue<BmpMessage>> Messages { get; } = new();

    public ConcurrentDictionary<string, BmpConnection> Closed { get; } = new();

    /// <summary>The router each connection was delivered as.</summary>
    public ConcurrentDictionary<string, string> Routers { get; } = new();

    /// <summary>When set, every batch is answered with this disposition instead of being applied.</summary>
    public BmpBatchDisposition? Answer { get; set; }

    /// <summary>Every batch as delivered: connection, message count, closed, offset of its first message in the connection's stream.</summary>
    public ConcurrentQueue<(string Connection, int Count, bool Closed, long FirstOffset)> Deliveries { get; } = new();

    public string? MatchRouter(string? sysName, IPAddress? bgpIdentifier) => match?.Invoke(sysName, bgpIdentifier);

    public ValueTask<BmpBatchOutcome> DeliverAsync(BmpConnection connection, BmpFrameBatch frames, bool closed, CancellationToken cancellationToken)
    {
        Routers[connection.Id] = connection.RouterId;
        Deliveries.Enqueue((connection.Id, frames.Count, closed, frames.FirstOffset));
        if (closed)
        {
            Closed[connection.Id] = connection;
        }

        if (Answer is { } answer)
        {
            return ValueTask.FromResult(new BmpBatchOutcome(answer, 0, []));
        }

        var reader = _readers.GetOrAdd(connection.Id, _ => new BmpReader());
        var queue = Messages.GetOrAdd(connection.Id, _ => new ConcurrentQueue<BmpMessage>());
        var rejects = ImmutableArray.CreateBuilder<BmpFrameReject>();
        var parsed = 0;
        foreach (var (offset, message) in frames.Messages())
        {
            try
            {
                queue.Enqueue(reader.Decode(message.Span));
                parsed++;
            }
            catch (BgpDecodeException error)
            {
                rejects.Add(new BmpFrameReject(offset, error.Field, error.Message, message.Length));
            }
        }

        return ValueTask.FromResult(new BmpBatchOutcome(BmpBatchDisposition.Applied, parsed, rejects.ToImmutable()));
    }
}
