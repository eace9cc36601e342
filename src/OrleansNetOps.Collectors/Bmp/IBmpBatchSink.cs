using OrleansNetOps.Bgp.Bmp;

namespace OrleansNetOps.Collectors.Bmp;

/// <summary>Where the collector hands decoded messages, a batch per read. Awaiting it applies backpressure to the router's TCP session.</summary>
public interface IBmpBatchSink
{
    /// <summary>Delivers messages of one connection, in order; <paramref name="closed"/> marks the end of the connection.</summary>
    ValueTask DeliverAsync(BmpConnection connection, IReadOnlyList<BmpMessage> messages, bool closed, CancellationToken cancellationToken);
}
