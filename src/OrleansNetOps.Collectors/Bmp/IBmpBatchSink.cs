using System.Net;
using OrleansNetOps.Bgp.Bmp;

namespace OrleansNetOps.Collectors.Bmp;

/// <summary>Where the collector hands a session's raw messages. Awaiting it applies backpressure to the router's TCP session.</summary>
public interface IBmpBatchSink
{
    /// <summary>The configured router a session belongs to, from its sysName and (once a Peer Up arrived) its BGP identifier; null when none matches.</summary>
    string? MatchRouter(string? sysName, IPAddress? bgpIdentifier);

    /// <summary>
    /// Delivers messages of one connection, in order; <paramref name="closed"/> marks the end of the connection.
    /// An empty batch asks whether a standby session may take over.
    /// </summary>
    /// <exception cref="BmpSessionRefusedException">The session is not accepted; the collector closes it.</exception>
    ValueTask<BmpBatchOutcome> DeliverAsync(BmpConnection connection, BmpFrameBatch frames, bool closed, CancellationToken cancellationToken);
}
