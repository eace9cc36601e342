using OrleansNetOps.Bgp.Bmp;

namespace OrleansNetOps.Grains.Network;

/// <summary>What a collector hands a router grain: raw messages of one BMP connection, in order.</summary>
/// <param name="Connection">Identifies the BMP connection (remote endpoint and a sequence), so a reconnect is visible.</param>
/// <param name="ReceivedAt">Arrival time of the batch.</param>
/// <param name="Frames">The messages, undecoded, with their offset in the connection's byte stream (0: from its start).</param>
/// <param name="Simulated">Whether the connection is the built-in simulated network.</param>
/// <param name="Closed">The connection ended after these messages.</param>
[GenerateSerializer, Immutable]
public sealed record BmpDelivery(string Connection, DateTimeOffset ReceivedAt, BmpFrameBatch Frames, bool Simulated, bool Closed = false);
