using System.Net;

namespace OrleansNetOps.TestSupport;

/// <summary>The bytes one side of a TCP connection sent, in sequence order.</summary>
/// <param name="Source">Sending side.</param>
/// <param name="Destination">Receiving side.</param>
/// <param name="Data">Payload reassembled by sequence number, duplicates removed; stops at the first gap the capture lost.</param>
public sealed record TcpStream(IPEndPoint Source, IPEndPoint Destination, byte[] Data);
