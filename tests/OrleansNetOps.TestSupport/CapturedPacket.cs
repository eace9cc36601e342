using System.Net;

namespace OrleansNetOps.TestSupport;

/// <summary>One UDP datagram taken from a capture file.</summary>
/// <param name="Timestamp">Capture time of the frame (of the last fragment when the IP packet was reassembled).</param>
/// <param name="Source">Sender address and port.</param>
/// <param name="Destination">Receiver address and port.</param>
/// <param name="Payload">UDP payload, without the UDP header.</param>
public sealed record CapturedPacket(DateTimeOffset Timestamp, IPEndPoint Source, IPEndPoint Destination, ReadOnlyMemory<byte> Payload);
