using System.Net;

namespace OrleansNetOps.TestSupport;

/// <summary>A whole (reassembled if fragmented) IP packet's transport payload.</summary>
internal readonly record struct IpPacket(DateTimeOffset Timestamp, IPAddress Source, IPAddress Destination, int Protocol, ReadOnlyMemory<byte> Payload);
