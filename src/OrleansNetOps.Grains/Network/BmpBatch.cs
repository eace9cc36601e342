using OrleansNetOps.Bgp.Bmp;

namespace OrleansNetOps.Grains.Network;

/// <summary>
/// What the BMP collector puts on a router's telemetry stream: the messages of one read from one BMP
/// connection, in arrival order.
/// </summary>
/// <param name="Connection">Identifies the BMP connection (remote endpoint and a sequence), so a reconnect is visible.</param>
/// <param name="ReceivedAt">Arrival time of the batch.</param>
/// <param name="Messages">Decoded messages, in order.</param>
/// <param name="Simulated">Whether the connection is the built-in simulated network.</param>
/// <param name="ConnectionClosed">The connection ended after these messages.</param>
public sealed record BmpBatch(
    string Connection,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<BmpMessage> Messages,
    bool Simulated,
    bool ConnectionClosed = false);
